package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.store.embedded.EmbeddedItemTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads of an unchanged user decode it once; any change is read as it is now. */
class ItemUserStoreDecodingTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final String POOL = "us-east-1_AbCdEfGhI";
  private final ItemUserStore store =
      new ItemUserStore(EmbeddedItemTable.inMemory(Clock.fixed(NOW, ZoneOffset.UTC)));

  private static UniqueKey username(String name) {
    return new UniqueKey(UniqueKey.Kind.USERNAME, name);
  }

  private static User user(String username, String sub, String email) {
    return new User(
        POOL,
        username,
        sub,
        Map.of("sub", sub, "email", email),
        true,
        UserStatus.CONFIRMED,
        NOW,
        NOW,
        null,
        Map.of("mfa", Map.of("preferred", List.of("SOFTWARE_TOKEN_MFA"))),
        0);
  }

  @Test
  void whenAnUnchangedUserIsReadAgainThenItIsNotDecodedAgain() {
    store.create(user("alice", "sub-a", "a@example.com"), Set.of(username("alice")));
    store.findBySub(POOL, "sub-a");
    store.findByKey(POOL, username("alice"));
    long first = store.decodes();
    for (int i = 0; i < 10; i++) {
      assertEquals(
          "a@example.com", store.findBySub(POOL, "sub-a").orElseThrow().attribute("email"));
      assertEquals("sub-a", store.findByKey(POOL, username("alice")).orElseThrow().sub());
    }
    assertEquals(first, store.decodes());
  }

  @Test
  void whenAUserChangesThenTheNextReadShowsTheChangeByEitherKey() {
    User created = store.create(user("alice", "sub-a", "a@example.com"), Set.of(username("alice")));
    store.findBySub(POOL, "sub-a");
    store.findByKey(POOL, username("alice"));
    User changed = created.withAttributes(Map.of("sub", "sub-a", "email", "new@example.com"), NOW);
    store.update(created, Set.of(username("alice")), changed, Set.of(username("alice")));

    User bySub = store.findBySub(POOL, "sub-a").orElseThrow();
    User byName = store.findByKey(POOL, username("alice")).orElseThrow();
    assertEquals("new@example.com", bySub.attribute("email"));
    assertEquals("new@example.com", byName.attribute("email"));
    assertEquals(created.version() + 1, bySub.version());
    assertEquals(created.version() + 1, byName.version());
  }

  @Test
  void whenAUsernameIsFreedAndTakenByANewUserThenTheNewUserIsRead() {
    User first = store.create(user("alice", "sub-a", "a@example.com"), Set.of(username("alice")));
    store.findByKey(POOL, username("alice"));
    store.delete(first, Set.of(username("alice")));
    // the new key item has version 1 again: only its content tells it apart
    store.create(user("alice", "sub-b", "b@example.com"), Set.of(username("alice")));
    assertEquals("sub-b", store.findByKey(POOL, username("alice")).orElseThrow().sub());
  }

  @Test
  void decodedUsersAreImmutableAllTheWayDownBecauseReadersShareThem() {
    store.create(user("alice", "sub-a", "a@example.com"), Set.of(username("alice")));
    User read = store.findBySub(POOL, "sub-a").orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> mfa = (Map<String, Object>) read.extensions().get("mfa");
    assertThrows(UnsupportedOperationException.class, () -> mfa.put("preferred", "SMS_MFA"));
    @SuppressWarnings("unchecked")
    List<Object> preferred = (List<Object>) mfa.get("preferred");
    assertThrows(UnsupportedOperationException.class, () -> preferred.add("SMS_MFA"));
    assertThrows(UnsupportedOperationException.class, () -> read.extensions().put("x", 1));
  }
}
