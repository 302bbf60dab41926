package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.ClientSecret;
import dev.userpool.domain.Page;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.store.AppClientStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UniqueKeyTakenException;
import dev.userpool.store.UserGroupsSource;
import dev.userpool.store.UserPoolStore;
import dev.userpool.store.UserStore;
import dev.userpool.store.table.ItemTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the domain stores (pools, app clients, users), run against every item-table
 * backend. Subclasses provide a fresh, empty table.
 */
public abstract class DomainStoresContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

  protected abstract ItemTable newTable();

  private UserPoolStore pools;
  private AppClientStore clients;
  private UserStore users;

  @BeforeEach
  void stores() {
    ItemTable table = newTable();
    pools = new ItemUserPoolStore(table);
    clients = new ItemAppClientStore(table);
    users = new ItemUserStore(table);
  }

  static UserPool pool(String id) {
    return new UserPool(
        id,
        "pool " + id,
        "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + id,
        T0,
        T0,
        Map.of(
            "MfaConfiguration",
            "OFF",
            "Policies",
            Map.of("PasswordPolicy", Map.of("MinimumLength", 8))),
        Map.of("team", "a"),
        0);
  }

  static User user(String poolId, String sub, String username, Map<String, String> attributes) {
    Map<String, String> all = new LinkedHashMap<>(attributes);
    all.put("sub", sub);
    return new User(
        poolId,
        username,
        sub,
        all,
        true,
        UserStatus.CONFIRMED,
        T0,
        T0,
        new PasswordVerifier("00ab", "0cd", T0, null),
        Map.of(),
        0);
  }

  static UniqueKey username(String value) {
    return new UniqueKey(UniqueKey.Kind.USERNAME, value);
  }

  @Test
  void whenPoolIsCreatedThenItReadsBackWithSettingsTagsAndVersion() {
    pools.create(pool("us-east-1_AAA"));
    UserPool read = pools.find("us-east-1_AAA").orElseThrow();
    assertEquals("pool us-east-1_AAA", read.name());
    assertEquals(T0, read.creationDate());
    assertEquals("OFF", read.settings().get("MfaConfiguration"));
    assertEquals(Map.of("team", "a"), read.tags());
    assertEquals(1, read.version());
  }

  @Test
  void whenPoolUpdatedWithStaleVersionThenStaleWriteAndNothingChanges() {
    pools.create(pool("us-east-1_AAA"));
    UserPool read = pools.find("us-east-1_AAA").orElseThrow();
    pools.update(read.withTags(Map.of("v", "2")));
    assertThrows(StaleWriteException.class, () -> pools.update(read.withTags(Map.of("v", "lost"))));
    assertEquals(Map.of("v", "2"), pools.find("us-east-1_AAA").orElseThrow().tags());
  }

  @Test
  void whenPoolsAreListedThenOnlyTheRegionsPoolsInPages() {
    for (String id : List.of("us-east-1_A1", "us-east-1_A2", "us-east-1_A3", "eu-west-1_B1")) {
      pools.create(pool(id));
    }
    Page<UserPool> first = pools.list("us-east-1", 2, null);
    assertEquals(2, first.items().size());
    Page<UserPool> second = pools.list("us-east-1", 2, first.nextToken());
    assertEquals(1, second.items().size());
    assertNull(second.nextToken());
    assertEquals(1, pools.list("eu-west-1", 60, null).items().size());
  }

  @Test
  void whenPoolsAreListedWithoutARegionThenEveryRegionsPoolsInIdOrderInPages() {
    for (String id : List.of("us-east-1_A1", "eu-west-1_B1", "us-east-1_A2")) {
      pools.create(pool(id));
    }
    Page<UserPool> first = pools.list(null, 2, null);
    assertEquals(
        List.of("eu-west-1_B1", "us-east-1_A1"), first.items().stream().map(UserPool::id).toList());
    Page<UserPool> second = pools.list(null, 2, first.nextToken());
    assertEquals(List.of("us-east-1_A2"), second.items().stream().map(UserPool::id).toList());
    assertNull(second.nextToken());
  }

  @Test
  void whenPoolIsDeletedThenItsClientsUsersAndKeysAreGone() {
    pools.create(pool("us-east-1_AAA"));
    AppClient client = new AppClient("us-east-1_AAA", "client1", "web", null, T0, T0, Map.of(), 0);
    clients.create(client);
    users.create(user("us-east-1_AAA", "s1", "alice", Map.of()), Set.of(username("alice")));
    pools.delete(pools.find("us-east-1_AAA").orElseThrow());
    assertTrue(pools.find("us-east-1_AAA").isEmpty());
    assertTrue(clients.findByClientId("client1").isEmpty());
    assertTrue(users.findByKey("us-east-1_AAA", username("alice")).isEmpty());
    assertEquals(0, users.count("us-east-1_AAA"));
  }

  @Test
  void whenClientIsCreatedThenFoundByPoolAndByIdAlone() {
    clients.create(
        new AppClient(
            "us-east-1_AAA", "c1", "web", "s3cret", T0, T0, Map.of("X", List.of("a")), 0));
    assertEquals("s3cret", clients.find("us-east-1_AAA", "c1").orElseThrow().clientSecret());
    assertEquals("us-east-1_AAA", clients.findByClientId("c1").orElseThrow().userPoolId());
    clients.delete(clients.find("us-east-1_AAA", "c1").orElseThrow());
    assertTrue(clients.findByClientId("c1").isEmpty());
  }

  @Test
  void whenAClientGetsASecondSecretThenBothAreStoredInOrderAndTheOldestIsItsSecret() {
    AppClient created =
        new AppClient("us-east-1_AAA", "c2", "web", "firstSecret", T0, T0, Map.of(), 0);
    clients.create(created);
    AppClient read = clients.find("us-east-1_AAA", "c2").orElseThrow();
    assertEquals(List.of(ClientSecret.of("c2", "firstSecret", T0)), read.secrets());
    ClientSecret second = ClientSecret.of("c2", "secondSecret", T0.plusSeconds(60));

    clients.update(read.withSecrets(List.of(read.secrets().get(0), second)));

    AppClient both = clients.find("us-east-1_AAA", "c2").orElseThrow();
    assertEquals(List.of(ClientSecret.of("c2", "firstSecret", T0), second), both.secrets());
    assertEquals("firstSecret", both.clientSecret());
    clients.update(both.withSecrets(List.of(second)));
    assertEquals("secondSecret", clients.findByClientId("c2").orElseThrow().clientSecret());
  }

  @Test
  void whenSecondUserClaimsATakenKeyThenUniqueKeyTakenAndNothingWritten() {
    users.create(
        user("p_1", "s1", "alice", Map.of("email", "a@x.com")),
        Set.of(username("alice"), new UniqueKey(UniqueKey.Kind.EMAIL, "a@x.com")));
    UniqueKeyTakenException taken =
        assertThrows(
            UniqueKeyTakenException.class,
            () ->
                users.create(
                    user("p_1", "s2", "bob", Map.of("email", "a@x.com")),
                    Set.of(username("bob"), new UniqueKey(UniqueKey.Kind.EMAIL, "a@x.com"))));
    assertEquals(UniqueKey.Kind.EMAIL, taken.key().kind());
    assertTrue(users.findBySub("p_1", "s2").isEmpty());
    assertTrue(users.findByKey("p_1", username("bob")).isEmpty());
  }

  @Test
  void whenUserUpdateMovesAKeyThenOldKeyIsFreedAndNewOneFindsTheUser() {
    UniqueKey oldEmail = new UniqueKey(UniqueKey.Kind.EMAIL, "old@x.com");
    UniqueKey newEmail = new UniqueKey(UniqueKey.Kind.EMAIL, "new@x.com");
    users.create(
        user("p_1", "s1", "alice", Map.of("email", "old@x.com")),
        Set.of(username("alice"), oldEmail));
    User before = users.findBySub("p_1", "s1").orElseThrow();
    User after =
        users.update(
            before,
            Set.of(username("alice"), oldEmail),
            before.withAttributes(Map.of("sub", "s1", "email", "new@x.com"), T0.plusSeconds(5)),
            Set.of(username("alice"), newEmail));
    assertEquals(before.version() + 1, after.version());
    assertTrue(users.findByKey("p_1", oldEmail).isEmpty());
    assertEquals("s1", users.findByKey("p_1", newEmail).orElseThrow().sub());
    assertEquals("new@x.com", users.findBySub("p_1", "s1").orElseThrow().attribute("email"));
  }

  @Test
  void whenUserIsCreatedThenTheStoredUserIsReturnedMarkedInNoGroupAtVersionOne() {
    User created = users.create(user("p_1", "s1", "alice", Map.of()), Set.of(username("alice")));
    assertEquals(1, created.version());
    assertTrue(UserGroupsSource.inNoGroup(created));
    assertEquals(created, users.findBySub("p_1", "s1").orElseThrow());
  }

  @Test
  void whenUserIsFoundByUsernameThenTheKeysCopyEqualsTheUserItemAfterEveryUpdate() {
    User created = users.create(user("p_1", "s1", "alice", Map.of()), Set.of(username("alice")));
    assertEquals(created, users.findByKey("p_1", username("alice")).orElseThrow());
    User updated =
        users.update(
            created,
            Set.of(username("alice")),
            created.withEnabled(false, T0.plusSeconds(1)),
            Set.of(username("alice")));
    User byName = users.findByKey("p_1", username("alice")).orElseThrow();
    assertEquals(users.findBySub("p_1", "s1").orElseThrow(), byName);
    assertEquals(updated, byName);
    assertFalse(byName.enabled());
    assertThrows(
        StaleWriteException.class,
        () ->
            users.update(
                created,
                Set.of(username("alice")),
                created.withEnabled(true, T0.plusSeconds(2)),
                Set.of(username("alice"))));
    assertFalse(
        users.findByKey("p_1", username("alice")).orElseThrow().enabled(),
        "a refused update leaves the copy as the user is");
  }

  @Test
  void whenUsersAreListedThenAllPagesTogetherHoldEachUserOnce() {
    for (int i = 0; i < 7; i++) {
      users.create(user("p_1", "s" + i, "u" + i, Map.of()), Set.of(username("u" + i)));
    }
    Set<String> seen = new HashSet<>();
    String token = null;
    do {
      Page<User> page = users.list("p_1", 3, token);
      page.items().forEach(u -> assertTrue(seen.add(u.sub())));
      token = page.nextToken();
    } while (token != null);
    assertEquals(7, seen.size());
    assertEquals(7, users.count("p_1"));
  }

  /**
   * No lost updates: 16 writers change the same user at once; every change is applied exactly once.
   */
  @Test
  void whenSixteenWritersUpdateOneUserConcurrentlyThenNoUpdateIsLost() throws Exception {
    users.create(user("p_1", "s1", "alice", Map.of()), Set.of(username("alice")));
    int writers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> attempts = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String attribute = "custom:w" + w;
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                for (int attempt = 1; ; attempt++) {
                  User current = users.findBySub("p_1", "s1").orElseThrow();
                  Map<String, String> changed = new LinkedHashMap<>(current.attributes());
                  changed.put(attribute, "set");
                  try {
                    users.update(
                        current,
                        Set.of(username("alice")),
                        current.withAttributes(changed, T0),
                        Set.of(username("alice")));
                    return attempt;
                  } catch (StaleWriteException conflict) {
                    // someone else won this round: re-read and apply again
                  }
                }
              }));
    }
    start.countDown();
    int totalAttempts = 0;
    for (Future<Integer> attempt : attempts) {
      totalAttempts += attempt.get(60, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
    User last = users.findBySub("p_1", "s1").orElseThrow();
    for (int w = 0; w < writers; w++) {
      assertEquals("set", last.attribute("custom:w" + w), "update of writer " + w + " was lost");
    }
    assertEquals(1 + writers, last.version(), "one version per applied update");
    assertTrue(totalAttempts >= writers);
  }
}
