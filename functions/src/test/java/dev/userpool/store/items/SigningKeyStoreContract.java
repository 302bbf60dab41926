package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.SigningKey;
import dev.userpool.domain.UserPool;
import dev.userpool.store.SigningKeyFactory;
import dev.userpool.store.SigningKeyStore;
import dev.userpool.store.UserPoolStore;
import dev.userpool.store.table.ItemTable;
import dev.userpool.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SigningKeyStore}, run against every item-table backend. Key material comes
 * from a fake factory: the store only keeps it, so tests need no RSA.
 */
public abstract class SigningKeyStoreContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");
  private static final String POOL = "us-east-1_Keys1";

  protected abstract ItemTable newTable();

  private final AtomicInteger made = new AtomicInteger();
  private final SigningKeyFactory fake =
      (poolId, generation, createdAt) -> {
        int n = made.incrementAndGet();
        return new SigningKey(
            poolId, "kid-" + n + "=", generation, createdAt, "n" + n, "AQAB", "private-" + n);
      };
  private ItemTable table;
  private SigningKeyStore keys;

  @BeforeEach
  void store() {
    table = newTable();
    keys = new ItemSigningKeyStore(table, MutableClock.at(T0), fake);
  }

  @Test
  void whenPoolHasNoKeysThenKeysForIsEmpty() {
    assertEquals(List.of(), keys.keysFor(POOL));
  }

  @Test
  void whenKeyIsCreatedThenEveryFieldReadsBack() {
    SigningKey created = keys.create(POOL);
    SigningKey read = keys.keysFor(POOL).get(0);
    assertEquals(new SigningKey(POOL, "kid-1=", 1, T0, "n1", "AQAB", "private-1"), read);
    assertEquals(created, read);
  }

  @Test
  void whenCreateIsCalledAgainThenTheExistingKeyIsReturned() {
    SigningKey first = keys.create(POOL);
    assertEquals(first, keys.create(POOL));
    assertEquals(1, keys.keysFor(POOL).size());
  }

  @Test
  void whenRotatedThenTheNewKeyComesFirstAndOldKeysStay() {
    SigningKey first = keys.create(POOL);
    SigningKey second = keys.rotate(POOL);
    SigningKey third = keys.rotate(POOL);
    assertEquals(List.of(third.kid(), second.kid(), first.kid()), kids(keys.keysFor(POOL)));
    assertEquals(3, third.generation());
    assertEquals(third, keys.create(POOL));
  }

  @Test
  void whenRotatedWithoutKeysThenTheFirstKeyIsMade() {
    assertEquals(1, keys.rotate(POOL).generation());
    assertEquals(1, keys.keysFor(POOL).size());
  }

  @Test
  void whenDeleteAllThenOnlyThatPoolsKeysAreGone() {
    keys.create(POOL);
    keys.rotate(POOL);
    keys.create("us-east-1_Other");
    keys.deleteAll(POOL);
    assertEquals(List.of(), keys.keysFor(POOL));
    assertEquals(1, keys.keysFor("us-east-1_Other").size());
  }

  @Test
  void whenPoolIsDeletedThenItsKeysAreGoneWithIt() {
    UserPoolStore pools = new ItemUserPoolStore(table);
    UserPool pool =
        new UserPool(
            POOL,
            "p",
            "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL,
            T0,
            T0,
            Map.of(),
            Map.of(),
            0);
    pools.create(pool);
    keys.create(POOL);
    keys.rotate(POOL);
    pools.delete(pools.find(POOL).orElseThrow());
    assertEquals(List.of(), keys.keysFor(POOL));
  }

  @Test
  void whenManyCallersCreateAtOnceThenThePoolHasExactlyOneKey() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(8);
    try {
      List<Callable<SigningKey>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> keys.create(POOL));
      }
      List<String> returned = new ArrayList<>();
      for (Future<SigningKey> f : executor.invokeAll(calls)) {
        returned.add(f.get().kid());
      }
      List<SigningKey> stored = keys.keysFor(POOL);
      assertEquals(1, stored.size());
      assertTrue(returned.stream().allMatch(stored.get(0).kid()::equals), returned.toString());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void whenKeyIsPrintedThenThePrivateKeyIsLeftOut() {
    SigningKey key = keys.create(POOL);
    assertFalse(key.toString().contains("private-"), key.toString());
    assertTrue(key.toString().contains(key.kid()));
  }

  private static List<String> kids(List<SigningKey> list) {
    return list.stream().map(SigningKey::kid).toList();
  }
}
