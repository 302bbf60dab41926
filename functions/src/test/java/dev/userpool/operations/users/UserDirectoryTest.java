package dev.userpool.operations.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemUserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {
  private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final ItemUserStore store = new ItemUserStore(EmbeddedItemTable.inMemory(CLOCK));
  private final UserDirectory directory = new UserDirectory(store);

  @Test
  void whenSixteenThreadsUpdateOneUserConcurrentlyThenNoUpdateIsLost() throws Exception {
    UserPool pool = pool(Map.of());
    User user = user(pool, "alice", Map.of("sub", "sub-1"));
    store.create(user, UserDirectory.keys(pool, user));
    long initialVersion = directory.require(pool, "alice").version();
    int threads = 16;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      String name = "custom:a" + i;
      String value = "v" + i;
      futures.add(
          executor.submit(
              () -> {
                start.await();
                User current = directory.require(pool, "alice");
                directory.update(
                    pool,
                    current,
                    u -> {
                      Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
                      attributes.put(name, value);
                      return u.withAttributes(attributes, NOW);
                    });
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(); // rethrows any ConcurrentModificationException: none may occur
    }
    executor.shutdown();

    User result = directory.require(pool, "alice");
    for (int i = 0; i < threads; i++) {
      assertEquals("v" + i, result.attribute("custom:a" + i), "update " + i + " lost");
    }
    assertEquals(threads, result.version() - initialVersion);
  }

  @Test
  void whenPoolIsCaseInsensitiveThenUsernameKeyIsLowerCase() {
    UserPool pool = pool(Map.of("UsernameConfiguration", Map.of("CaseSensitive", false)));

    Set<UniqueKey> keys = UserDirectory.keys(pool, user(pool, "ÄliceX", Map.of()));

    assertEquals(Set.of(new UniqueKey(UniqueKey.Kind.USERNAME, "älicex")), keys);
  }

  @Test
  void whenPoolHasUsernameAttributesThenEmailAndPhoneAreKeysVerifiedOrNot() {
    UserPool pool = pool(Map.of("UsernameAttributes", List.of("email", "phone_number")));

    Set<UniqueKey> keys =
        UserDirectory.keys(
            pool,
            user(pool, "sub-9", Map.of("email", "a@example.com", "phone_number", "+15555550100")));

    assertEquals(
        Set.of(
            new UniqueKey(UniqueKey.Kind.USERNAME, "sub-9"),
            new UniqueKey(UniqueKey.Kind.EMAIL, "a@example.com"),
            new UniqueKey(UniqueKey.Kind.PHONE_NUMBER, "+15555550100")),
        keys);
  }

  @Test
  void whenPoolHasAliasesThenOnlyVerifiedEmailAndPhoneArePlusPreferredUsername() {
    UserPool pool =
        pool(Map.of("AliasAttributes", List.of("email", "phone_number", "preferred_username")));

    Set<UniqueKey> keys =
        UserDirectory.keys(
            pool,
            user(
                pool,
                "bob",
                Map.of(
                    "email",
                    "b@example.com",
                    "email_verified",
                    "true",
                    "phone_number",
                    "+15555550100",
                    "phone_number_verified",
                    "false",
                    "preferred_username",
                    "bobby")));

    assertEquals(
        Set.of(
            new UniqueKey(UniqueKey.Kind.USERNAME, "bob"),
            new UniqueKey(UniqueKey.Kind.EMAIL, "b@example.com"),
            new UniqueKey(UniqueKey.Kind.PREFERRED_USERNAME, "bobby")),
        keys);
  }

  @Test
  void whenPoolHasNoAliasesThenVerifiedEmailIsNoKey() {
    UserPool pool = pool(Map.of());

    Set<UniqueKey> keys =
        UserDirectory.keys(
            pool, user(pool, "carol", Map.of("email", "c@example.com", "email_verified", "true")));

    assertTrue(keys.stream().allMatch(k -> k.kind() == UniqueKey.Kind.USERNAME));
  }

  private static UserPool pool(Map<String, Object> settings) {
    return new UserPool("us-east-1_AbCdEfGhI", "p", "arn", NOW, NOW, settings, Map.of(), 0);
  }

  private static User user(UserPool pool, String username, Map<String, String> attributes) {
    return new User(
        pool.id(),
        username,
        attributes.getOrDefault("sub", "sub-" + username),
        attributes,
        true,
        UserStatus.CONFIRMED,
        NOW,
        NOW,
        null,
        Map.of(),
        0);
  }
}
