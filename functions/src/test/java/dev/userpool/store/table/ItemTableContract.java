package dev.userpool.store.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ItemTable} backend must do, run against each of them. A subclass only says how
 * to get a table that reads time from the contract's clock.
 */
public abstract class ItemTableContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  protected final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
  protected ItemTable table;

  /**
   * A table reading time from {@code clock}. It may still hold items of earlier tests; the contract
   * clears it.
   */
  protected abstract ItemTable createTable(Clock clock);

  /** Releases what {@link #createTable} acquired. */
  protected void closeTable(ItemTable table) throws Exception {}

  @BeforeEach
  void openTable() {
    table = createTable(clock);
    table.clear();
  }

  @AfterEach
  void releaseTable() throws Exception {
    closeTable(table);
  }

  // --- get, put, delete

  @Test
  void whenItemPutThenGetReturnsItWithVersionOne() {
    table.write(List.of(Write.put(Item.of("p", "s", "{\"a\":1}"), Condition.NONE)));

    assertEquals(Optional.of(new Item("p", "s", 1, null, "{\"a\":1}")), table.get("p", "s"));
  }

  @Test
  void whenKeyMissingThenGetIsEmpty() {
    put(Item.of("p", "s", "{}"));

    assertEquals(Optional.empty(), table.get("p", "other"));
    assertEquals(Optional.empty(), table.get("other", "s"));
  }

  @Test
  void whenItemPutThenStoredVersionIsTheVersionReadPlusOne() {
    Item first = put(Item.of("p", "s", "1"));
    Item second = put(first.withData("2"));
    Item jumped = put(second.withVersion(41).withData("3"));

    assertEquals(1, first.version());
    assertEquals(2, second.version());
    assertEquals(42, jumped.version());
    assertEquals("3", jumped.data());
  }

  @Test
  void whenDeletedThenGetIsEmpty() {
    put(Item.of("p", "s", "{}"));

    table.write(List.of(Write.delete("p", "s", Condition.NONE)));

    assertEquals(Optional.empty(), table.get("p", "s"));
  }

  @Test
  void whenDeletingMissingKeyWithoutConditionThenNothingHappens() {
    table.write(List.of(Write.delete("p", "missing", Condition.NONE)));

    assertEquals(Optional.empty(), table.get("p", "missing"));
  }

  @Test
  void whenDataHasUnicodeQuotesAndNewlinesThenItRoundTripsExactly() {
    String data = "{\"name\":\"Zoë \\\"Q\\\" 山田 😀\",\"note\":\"line1\\nline2\"}\n\t";

    assertEquals(data, put(Item.of("p", "s", data)).data());
  }

  @Test
  void whenExpiryGivenThenItIsStored() {
    long later = clock.epochSecond() + 3600;

    assertEquals(later, put(Item.of("p", "s", "{}").withExpiresAt(later)).expiresAt());
  }

  // --- conditions

  @Test
  void whenAbsentAndKeyFreeThenPutApplies() {
    table.write(List.of(Write.put(Item.of("p", "s", "new"), Condition.ABSENT)));

    assertEquals("new", table.get("p", "s").orElseThrow().data());
  }

  @Test
  void whenAbsentAndKeyTakenThenConditionFailsAtZeroAndItemIsUnchanged() {
    put(Item.of("p", "s", "old"));

    assertFailsAt(0, List.of(Write.put(Item.of("p", "s", "new"), Condition.ABSENT)));
    assertEquals(new Item("p", "s", 1, null, "old"), table.get("p", "s").orElseThrow());
  }

  @Test
  void whenVersionMatchesThenPutApplies() {
    Item v1 = put(Item.of("p", "s", "1"));

    table.write(List.of(Write.put(v1.withData("2"), Condition.versionIs(1))));

    assertEquals(new Item("p", "s", 2, null, "2"), table.get("p", "s").orElseThrow());
  }

  @Test
  void whenVersionDiffersThenPutFailsAndItemIsUnchanged() {
    Item v1 = put(Item.of("p", "s", "1"));
    put(v1.withData("2"));

    assertFailsAt(0, List.of(Write.put(v1.withData("lost update"), Condition.versionIs(1))));
    assertEquals(new Item("p", "s", 2, null, "2"), table.get("p", "s").orElseThrow());
  }

  @Test
  void whenVersionIsNamedForMissingKeyThenConditionFails() {
    assertFailsAt(0, List.of(Write.put(Item.of("p", "s", "x"), Condition.versionIs(0))));
    assertEquals(Optional.empty(), table.get("p", "s"));
  }

  @Test
  void whenVersionMatchesThenDeleteApplies() {
    put(Item.of("p", "s", "x"));

    table.write(List.of(Write.delete("p", "s", Condition.versionIs(1))));

    assertEquals(Optional.empty(), table.get("p", "s"));
  }

  @Test
  void whenVersionDiffersThenDeleteFailsAndItemStays() {
    put(Item.of("p", "s", "x"));

    assertFailsAt(0, List.of(Write.delete("p", "s", Condition.versionIs(7))));
    assertTrue(table.get("p", "s").isPresent());
  }

  @Test
  void whenExistsAndItemPresentThenPutApplies() {
    Item v1 = put(Item.of("p", "s", "1"));

    table.write(List.of(Write.put(v1.withData("2"), Condition.EXISTS)));

    assertEquals("2", table.get("p", "s").orElseThrow().data());
  }

  @Test
  void whenExistsAndKeyMissingThenConditionFails() {
    assertFailsAt(0, List.of(Write.delete("p", "s", Condition.EXISTS)));
    assertFailsAt(0, List.of(Write.put(Item.of("p", "s", "x"), Condition.EXISTS)));
    assertEquals(Optional.empty(), table.get("p", "s"));
  }

  @Test
  void whenNoConditionThenPutReplacesWhateverIsStored() {
    put(Item.of("p", "s", "old").withExpiresAt(clock.epochSecond() + 100));

    table.write(List.of(Write.put(Item.of("p", "s", "new"), Condition.NONE)));

    assertEquals(new Item("p", "s", 1, null, "new"), table.get("p", "s").orElseThrow());
  }

  // --- batches

  @Test
  void whenBatchSucceedsThenEveryWriteApplies() {
    Item updated = put(Item.of("p1", "update", "1"));
    put(Item.of("p2", "delete", "x"));

    table.write(
        List.of(
            Write.put(Item.of("p1", "new", "n"), Condition.ABSENT),
            Write.put(updated.withData("2"), Condition.versionIs(1)),
            Write.delete("p2", "delete", Condition.EXISTS)));

    assertEquals(new Item("p1", "new", 1, null, "n"), table.get("p1", "new").orElseThrow());
    assertEquals(new Item("p1", "update", 2, null, "2"), table.get("p1", "update").orElseThrow());
    assertEquals(Optional.empty(), table.get("p2", "delete"));
  }

  @Test
  void whenSecondWriteOfBatchFailsThenIndexIsOneAndNothingApplied() {
    put(Item.of("p", "taken", "old"));
    put(Item.of("p", "doomed", "x"));

    assertFailsAt(
        1,
        List.of(
            Write.put(Item.of("p", "fresh", "n"), Condition.ABSENT),
            Write.put(Item.of("p", "taken", "new"), Condition.ABSENT),
            Write.delete("p", "doomed", Condition.EXISTS)));

    assertEquals(Optional.empty(), table.get("p", "fresh"));
    assertEquals("old", table.get("p", "taken").orElseThrow().data());
    assertTrue(table.get("p", "doomed").isPresent());
  }

  @Test
  void whenLastWriteOfBatchFailsThenIndexPointsAtItAndNothingApplied() {
    Item stale = put(Item.of("q", "counter", "1"));
    put(stale.withData("2"));
    put(Item.of("p", "doomed", "x"));

    assertFailsAt(
        2,
        List.of(
            Write.put(Item.of("p", "fresh", "n"), Condition.NONE),
            Write.delete("p", "doomed", Condition.NONE),
            Write.put(stale.withData("3"), Condition.versionIs(stale.version()))));

    assertEquals(Optional.empty(), table.get("p", "fresh"));
    assertTrue(table.get("p", "doomed").isPresent());
    assertEquals(new Item("q", "counter", 2, null, "2"), table.get("q", "counter").orElseThrow());
  }

  @Test
  void whenBatchIsEmptyThenNothingHappens() {
    table.write(List.of());

    assertEquals(List.of(), table.query("p", "", null, 10));
  }

  @Test
  void whenBatchNamesOneKeyTwiceThenItIsRejectedAndNothingApplied() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            table.write(
                List.of(
                    Write.put(Item.of("p", "a", "1"), Condition.NONE),
                    Write.delete("p", "a", Condition.NONE))));
    assertEquals(Optional.empty(), table.get("p", "a"));
  }

  @Test
  void whenBatchHasMaximumSizeThenAllWritesApply() {
    table.write(
        IntStream.range(0, ItemTable.MAX_BATCH)
            .mapToObj(i -> Write.put(Item.of("p", sk(i), "x"), Condition.ABSENT))
            .toList());

    assertEquals(ItemTable.MAX_BATCH, table.query("p", "", null, 1000).size());
  }

  @Test
  void whenBatchExceedsMaximumThenItIsRejected() {
    List<Write> tooMany =
        IntStream.rangeClosed(0, ItemTable.MAX_BATCH)
            .mapToObj(i -> Write.put(Item.of("p", sk(i), "x"), Condition.NONE))
            .toList();

    assertThrows(IllegalArgumentException.class, () -> table.write(tooMany));
    assertEquals(List.of(), table.query("p", "", null, 10));
  }

  // --- query

  @Test
  void whenQueriedThenItemsComeInSortKeyOrder() {
    List<String> sks = new ArrayList<>(List.of("b", "a#2", "a#10", "a", "c", "B", "a#1"));
    Collections.shuffle(sks, new Random(7));
    sks.forEach(sk -> put(Item.of("p", sk, sk)));

    assertEquals(
        List.of("B", "a", "a#1", "a#10", "a#2", "b", "c"),
        sortKeys(table.query("p", "", null, 100)));
  }

  @Test
  void whenSortKeysLeaveTheBasicPlaneThenOrderIsByCodePointAsInUtf8() {
    put(Item.of("p", "k\uD83D\uDE00", "emoji"));
    put(Item.of("p", "k\uFFFD", "replacement character"));

    assertEquals(List.of("k\uFFFD", "k\uD83D\uDE00"), sortKeys(table.query("p", "k", null, 10)));
  }

  @Test
  void whenQueriedWithPrefixThenOnlyThatPartitionsMatchingSortKeysReturn() {
    put(Item.of("p", "user#1", "1"));
    put(Item.of("p", "user#2", "2"));
    put(Item.of("p", "group#1", "g"));
    put(Item.of("p", "user", "bare"));
    put(Item.of("other", "user#3", "3"));

    List<Item> users = table.query("p", "user#", null, 100);

    assertEquals(List.of("user#1", "user#2"), sortKeys(users));
    assertEquals(List.of("1", "2"), users.stream().map(Item::data).toList());
    assertEquals(1, users.get(0).version());
  }

  @Test
  void whenPartitionHasNothingThenQueryIsEmpty() {
    put(Item.of("p", "a", "x"));

    assertEquals(List.of(), table.query("empty", "", null, 10));
    assertEquals(List.of(), table.query("p", "zzz", null, 10));
  }

  @Test
  void whenLimitReachedThenNextPageStartsAfterLastKey() {
    IntStream.range(0, 7).forEach(i -> put(Item.of("p", sk(i), "x")));
    put(Item.of("p", "z", "not in prefix"));

    List<Item> first = table.query("p", "item#", null, 3);
    List<Item> second = table.query("p", "item#", first.get(2).sk(), 3);
    List<Item> third = table.query("p", "item#", second.get(2).sk(), 3);
    List<Item> fourth = table.query("p", "item#", third.get(0).sk(), 3);

    assertEquals(List.of(sk(0), sk(1), sk(2)), sortKeys(first));
    assertEquals(List.of(sk(3), sk(4), sk(5)), sortKeys(second));
    assertEquals(List.of(sk(6)), sortKeys(third));
    assertEquals(List.of(), fourth);
  }

  @Test
  void whenExclusiveStartIsNotAStoredKeyThenQueryStartsAfterIt() {
    put(Item.of("p", "item#a", "x"));
    put(Item.of("p", "item#c", "x"));

    assertEquals(List.of("item#c"), sortKeys(table.query("p", "item#", "item#b", 10)));
  }

  @Test
  void whenExclusiveStartLiesOutsidePrefixThenQueryStartsAtPrefixOrReturnsNothing() {
    put(Item.of("p", "a", "x"));
    put(Item.of("p", "m#1", "x"));
    put(Item.of("p", "m#2", "x"));
    put(Item.of("p", "z", "x"));

    assertEquals(List.of("m#1", "m#2"), sortKeys(table.query("p", "m#", "a", 10)));
    assertEquals(List.of(), sortKeys(table.query("p", "m#", "n", 10)));
  }

  // --- expiry

  @Test
  void whenExpiryPassesThenItemIsVisibleBeforeAndInvisibleFromThatSecond() {
    long expiresAt = clock.epochSecond() + 60;
    put(Item.of("p", "s", "x").withExpiresAt(expiresAt));

    clock.advance(Duration.ofSeconds(59));
    assertTrue(table.get("p", "s").isPresent());
    assertEquals(1, table.query("p", "", null, 10).size());

    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), table.get("p", "s"));
    assertEquals(List.of(), table.query("p", "", null, 10));
  }

  @Test
  void whenItemHasNoExpiryThenItStaysVisible() {
    put(Item.of("p", "s", "x"));

    clock.advance(Duration.ofDays(3650));

    assertTrue(table.get("p", "s").isPresent());
  }

  @Test
  void whenKeyExpiredThenAbsentSucceeds() {
    put(Item.of("p", "s", "old").withExpiresAt(clock.epochSecond() + 10));
    clock.advance(Duration.ofSeconds(10));

    table.write(List.of(Write.put(Item.of("p", "s", "new"), Condition.ABSENT)));

    assertEquals(new Item("p", "s", 1, null, "new"), table.get("p", "s").orElseThrow());
  }

  @Test
  void whenKeyExpiredThenVersionIsAndExistsFail() {
    Item item = put(Item.of("p", "s", "x").withExpiresAt(clock.epochSecond() + 10));
    clock.advance(Duration.ofSeconds(11));

    assertFailsAt(0, List.of(Write.put(item.withData("y"), Condition.versionIs(item.version()))));
    assertFailsAt(0, List.of(Write.delete("p", "s", Condition.EXISTS)));
    assertFailsAt(0, List.of(Write.delete("p", "s", Condition.versionIs(item.version()))));
  }

  @Test
  void whenItemNotYetExpiredThenConditionsSeeIt() {
    Item item = put(Item.of("p", "s", "x").withExpiresAt(clock.epochSecond() + 10));
    clock.advance(Duration.ofSeconds(9));

    assertFailsAt(0, List.of(Write.put(Item.of("p", "s", "y"), Condition.ABSENT)));
    table.write(List.of(Write.put(item.withData("y"), Condition.versionIs(item.version()))));

    assertEquals("y", table.get("p", "s").orElseThrow().data());
  }

  @Test
  void whenSomeItemsExpiredThenQuerySkipsThemAndStillFillsTheLimit() {
    long soon = clock.epochSecond() + 5;
    List.of("a", "b", "c").forEach(sk -> put(Item.of("p", sk, sk).withExpiresAt(soon)));
    List.of("d", "e", "f").forEach(sk -> put(Item.of("p", sk, sk)));
    clock.advance(Duration.ofSeconds(5));

    assertEquals(List.of("d", "e"), sortKeys(table.query("p", "", null, 2)));
    assertEquals(List.of("f"), sortKeys(table.query("p", "", "e", 2)));
  }

  // --- clear

  @Test
  void whenClearedThenEveryPartitionIsEmpty() {
    put(Item.of("p1", "a", "x"));
    put(Item.of("p2", "b", "x").withExpiresAt(clock.epochSecond() + 100));

    table.clear();

    assertEquals(List.of(), table.query("p1", "", null, 10));
    assertEquals(Optional.empty(), table.get("p2", "b"));
    table.write(List.of(Write.put(Item.of("p1", "a", "again"), Condition.ABSENT)));
  }

  /** More items than one delete batch (DynamoDB's BatchWriteItem takes 25), in two partitions. */
  @Test
  void whenManyItemsAreClearedThenNoneIsLeft() {
    for (int i = 0; i < 60; i++) {
      put(Item.of(i % 2 == 0 ? "p1" : "p2", String.format("k%02d", i), "x"));
    }

    table.clear();

    assertEquals(List.of(), table.query("p1", "", null, 100));
    assertEquals(List.of(), table.query("p2", "", null, 100));
  }

  @Test
  void whenClearedExceptOnePartitionThenOnlyThatPartitionIsLeft() {
    Item kept = put(Item.of("keep", "a", "x"));
    put(Item.of("p1", "a", "x"));
    put(Item.of("p2", "b", "x"));

    table.clearExcept("keep");

    assertEquals(List.of(kept), table.query("keep", "", null, 10));
    assertEquals(List.of(), table.query("p1", "", null, 10));
    assertEquals(Optional.empty(), table.get("p2", "b"));
  }

  // --- concurrency

  @Test
  void whenSixteenThreadsUpdateOneItemConcurrentlyThenNoUpdateIsLost() throws Exception {
    int threads = 16;
    Item initial = put(Item.of("counter", "c", "[]"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done =
          IntStream.range(0, threads)
              .mapToObj(
                  id ->
                      pool.submit(
                          () -> {
                            start.await();
                            appendWithRetries("t" + id);
                            return null;
                          }))
              .collect(Collectors.toList());
      start.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    Item last = table.get("counter", "c").orElseThrow();
    Set<String> expected =
        IntStream.range(0, threads)
            .mapToObj(i -> "t" + i)
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> ids = readIds(last.data());
    assertEquals(threads, ids.size(), "ids: " + ids);
    assertEquals(expected, new TreeSet<>(ids));
    assertEquals(initial.version() + threads, last.version());
  }

  private void appendWithRetries(String id) throws Exception {
    while (true) {
      Item current = table.get("counter", "c").orElseThrow();
      List<String> ids = new ArrayList<>(readIds(current.data()));
      ids.add(id);
      try {
        table.write(
            List.of(
                Write.put(
                    current.withData(JSON.writeValueAsString(ids)),
                    Condition.versionIs(current.version()))));
        return;
      } catch (ConditionFailedException lostRace) {
        assertFalse(Thread.currentThread().isInterrupted());
      }
    }
  }

  private static List<String> readIds(String json) throws Exception {
    return JSON.readValue(json, new TypeReference<List<String>>() {});
  }

  // --- helpers

  /** Writes unconditionally and returns what a read then sees. */
  protected Item put(Item item) {
    table.write(List.of(Write.put(item, Condition.NONE)));
    return table.get(item.pk(), item.sk()).orElseThrow();
  }

  protected void assertFailsAt(int index, List<Write> writes) {
    ConditionFailedException e =
        assertThrows(ConditionFailedException.class, () -> table.write(writes));
    assertEquals(index, e.index(), "index of the failed write");
  }

  protected static List<String> sortKeys(List<Item> items) {
    return items.stream().map(Item::sk).toList();
  }

  private static String sk(int i) {
    return String.format("item#%03d", i);
  }
}
