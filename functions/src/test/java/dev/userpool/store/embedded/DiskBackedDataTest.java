package dev.userpool.store.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.store.table.Condition;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import dev.userpool.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table in a folder keeps its items' data in the folder's files and reads it from there. */
class DiskBackedDataTest {
  /** Quotes, backslashes, control characters, a line separator, non-ASCII and a non-BMP emoji. */
  private static final String AWKWARD =
      "{\"name\":\"Zoë 😀 漢字\",\"q\":\"say \\\"hi\\\"\",\"path\":\"C:\\\\x\","
          + "\"nl\":\"a\nb\r\tc\u0000\u2028\",\"pad\":\"";

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");

  @Test
  void whenReopenedThenLargeDataIsReadFromTheFilesAndEqualsWhatWasWritten() {
    List<Item> written = new ArrayList<>();
    try (EmbeddedItemTable table = open()) {
      for (int i = 0; i < 50; i++) {
        Item item = Item.of("p", "u" + i, large(i, 1000 + i));
        put(table, item);
        written.add(item.withVersion(1));
      }
      written.sort(Comparator.comparing(Item::sk)); // the order of a query
      assertEquals(0, table.dataCharsInMemory());
      assertEquals(written, table.query("p", "", null, 100));
    }

    try (EmbeddedItemTable table = open()) {
      assertEquals(0, table.dataCharsInMemory());
      assertEquals(written, table.query("p", "", null, 100));
      assertEquals(Optional.of(written.get(0)), table.get("p", "u0"));
      List<Item> exported = new ArrayList<>();
      table.forEachLiveItem(exported::add);
      assertEquals(written, exported);
    }
  }

  @Test
  void whenTheJournalIsCompactedWhileRunningThenEveryItemIsReadFromItsNewPlace()
      throws IOException {
    try (EmbeddedItemTable table = open(4096)) {
      for (int i = 0; i < 200; i++) {
        put(table, Item.of("p", String.format("%03d", i), large(i, 500)));
      }
      long snapshot = Files.size(dir.resolve("snapshot"));
      assertTrue(snapshot > 100 * 500, "compacted while running, the data in the snapshot");
      assertTrue(Files.size(dir.resolve("journal")) < Math.max(4096, snapshot) + 1024);
      for (int i = 0; i < 200; i++) {
        assertEquals(
            large(i, 500), table.get("p", String.format("%03d", i)).orElseThrow().data(), "" + i);
      }
      assertEquals(0, table.dataCharsInMemory());
    }
    try (EmbeddedItemTable table = open()) {
      assertEquals(large(123, 500), table.get("p", "123").orElseThrow().data());
    }
  }

  @Test
  void whenAnItemIsUpdatedManyTimesAcrossCompactionsThenTheLastDataAndVersionAreRead() {
    try (EmbeddedItemTable table = open(2048)) {
      put(table, Item.of("p", "other", large(-1, 300)));
      put(table, Item.of("p", "hot", large(0, 300)));
      for (int i = 1; i <= 100; i++) {
        Item current = table.get("p", "hot").orElseThrow();
        assertEquals(large(i - 1, 300), current.data());
        table.write(
            List.of(
                Write.put(
                    current.withData(large(i, 300)), Condition.versionIs(current.version()))));
      }
      assertEquals(new Item("p", "hot", 101, null, large(100, 300)), table.get("p", "hot").get());
    }
    try (EmbeddedItemTable table = open()) {
      assertEquals(new Item("p", "hot", 101, null, large(100, 300)), table.get("p", "hot").get());
      assertEquals(large(-1, 300), table.get("p", "other").orElseThrow().data());
    }
  }

  @Test
  void whenItemsExpireThenReadsMissThemAndCompactionDropsThemFromMemoryAndFiles()
      throws IOException {
    try (EmbeddedItemTable table = open(4096)) {
      String code = "secret-code " + "s".repeat(400);
      put(table, Item.of("p", "code", code).withExpiresAt(clock.epochSecond() + 60));
      put(table, Item.of("p", "user", large(2, 400)));
      assertEquals(code, table.get("p", "code").orElseThrow().data());

      clock.advance(Duration.ofMinutes(2));
      assertEquals(Optional.empty(), table.get("p", "code"));
      assertEquals(List.of("user"), table.query("p", "", null, 10).stream().map(Item::sk).toList());
      for (int i = 0; i < 20; i++) { // enough to compact
        put(table, Item.of("q", "filler" + i, large(i, 400)));
      }
      assertEquals(large(2, 400), table.get("p", "user").orElseThrow().data());
      // The clock going back cannot bring the purged item back: its data is gone.
      clock.advance(Duration.ofMinutes(-2));
      assertEquals(Optional.empty(), table.get("p", "code"));
      assertFalse(Files.readString(dir.resolve("snapshot")).contains("secret-code"));
    }
  }

  @Test
  void whenALineBeforeTheLastIsDamagedInsideLargeDataThenOpenStillStops() throws IOException {
    try (EmbeddedItemTable table = open()) {
      put(table, Item.of("p", "one", large(1, 500)));
      put(table, Item.of("p", "two", large(2, 500)));
    }
    Path journal = dir.resolve("journal");
    byte[] bytes = Files.readAllBytes(journal);
    bytes[200] = (byte) (bytes[200] == 'x' ? 'y' : 'x');
    Files.write(journal, bytes);

    DamagedDataException e = assertThrows(DamagedDataException.class, this::open);
    assertEquals(0, e.offset());
    assertArrayEquals(bytes, Files.readAllBytes(journal), "the journal is untouched");
  }

  @Test
  void whenManyThreadsReadWhileWritesCompactThenEveryReadSeesWholeData() throws Exception {
    int keys = 20;
    try (EmbeddedItemTable table = open(8192)) {
      for (int k = 0; k < keys; k++) {
        put(table, Item.of("p", "k" + k, stamped(k, 0)));
      }
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService readers = Executors.newFixedThreadPool(4);
      List<Future<Integer>> reads = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        reads.add(
            readers.submit(
                () -> {
                  int n = 0;
                  while (writing.get() || n < 100) {
                    int k = n % keys;
                    Item item = table.get("p", "k" + k).orElseThrow();
                    assertEquals(stamped(k, item.version() - 1), item.data());
                    n++;
                  }
                  return n;
                }));
      }
      for (int round = 1; round <= 30; round++) {
        for (int k = 0; k < keys; k++) {
          Item current = table.get("p", "k" + k).orElseThrow();
          put(table, current.withData(stamped(k, current.version())));
        }
      }
      writing.set(false);
      for (Future<Integer> read : reads) {
        assertTrue(read.get(60, TimeUnit.SECONDS) >= 100);
      }
      readers.shutdown();
    }
  }

  /**
   * Counts what a table holds rather than timing it: 300 items of 4,000 characters cost 1.2 million
   * characters in memory without a folder and none with one.
   */
  @Test
  void whenLargeItemsAreStoredInAFolderThenMemoryHoldsNoneOfTheirData() {
    String data = "d".repeat(4000);
    EmbeddedItemTable inMemory = EmbeddedItemTable.inMemory(clock);
    try (EmbeddedItemTable inFolder = open()) {
      for (int i = 0; i < 300; i++) {
        put(inMemory, Item.of("p", "u" + i, data));
        put(inFolder, Item.of("p", "u" + i, data));
      }
      put(inFolder, Item.of("p", "short", "tiny")); // short data stays in memory
      assertEquals(300 * 4000L, inMemory.dataCharsInMemory());
      assertEquals("tiny".length(), inFolder.dataCharsInMemory());
      assertEquals(data, inFolder.get("p", "u299").orElseThrow().data());
    }
    try (EmbeddedItemTable reopened = open()) {
      assertEquals("tiny".length(), reopened.dataCharsInMemory());
    }
  }

  /**
   * Counts file reads: a page read again comes from the recent texts as the same strings, an
   * updated item is read fresh, and after a compaction moved every item reads still answer the
   * right data.
   */
  @Test
  void whenItemsAreReadAgainThenTheirDataIsNotReadFromTheFilesAgain() throws IOException {
    try (EmbeddedItemTable table = open(128 * 1024)) {
      List<Item> written = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        Item item = Item.of("p", String.format("u%02d", i), large(i, 1200));
        put(table, item);
        written.add(item.withVersion(1));
      }
      assertEquals(0, table.fileReads(), "writing reads nothing");

      List<Item> page = table.query("p", "", null, 60);
      assertEquals(written, page);
      assertEquals(60, table.fileReads());
      List<Item> again = table.query("p", "", null, 60);
      assertEquals(written, again);
      assertEquals(60, table.fileReads(), "the second page read nothing");
      for (int i = 0; i < 60; i++) {
        assertSame(page.get(i).data(), again.get(i).data(), "the same text for item " + i);
      }
      assertSame(page.get(7).data(), table.get("p", "u07").orElseThrow().data());
      assertEquals(60, table.fileReads());

      Item current = table.get("p", "u07").orElseThrow();
      table.write(
          List.of(
              Write.put(
                  current.withData(large(1007, 1200)), Condition.versionIs(current.version()))));
      assertEquals(new Item("p", "u07", 2, null, large(1007, 1200)), table.get("p", "u07").get());
      assertEquals(61, table.fileReads(), "the updated item is read fresh");
      written.set(7, new Item("p", "u07", 2, null, large(1007, 1200)));
      assertEquals(written, table.query("p", "", null, 60));
      assertEquals(61, table.fileReads());

      table.write(List.of(Write.delete("p", "u08", Condition.NONE)));
      written.remove(8);
      assertEquals(59, table.recentTexts(), "a deleted item's text is not held");

      long snapshotBefore = Files.size(dir.resolve("snapshot"));
      for (int i = 0; i < 80; i++) { // enough to compact: the snapshot then holds every item
        put(table, Item.of("q", "filler" + i, large(i, 1200)));
      }
      assertTrue(Files.size(dir.resolve("snapshot")) > snapshotBefore + 59 * 1200, "compacted");
      assertEquals(written, table.query("p", "", null, 60), "recent texts after the move");
      assertEquals(large(3, 1200), table.get("q", "filler3").orElseThrow().data());
      assertEquals(62, table.fileReads(), "an item not read before is read at its new place");
      // what was kept before the compaction equals what the files now hold
      try (EmbeddedItemTable reopened = reopenAfterClosing(table)) {
        assertEquals(written, reopened.query("p", "", null, 60));
        assertEquals(59, reopened.fileReads());
      }
    }
  }

  @Test
  void whenMoreItemsAreReadThanTheRecentTextsHoldThenTheyStayBoundedAndClearingEmptiesThem() {
    try (EmbeddedItemTable table = open()) {
      int items = RecentData.CAPACITY + 500;
      for (int i = 0; i < items; i++) {
        put(
            table,
            Item.of(
                "p",
                String.format("u%05d", i),
                "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"}"));
      }
      List<Item> all = new ArrayList<>();
      String from = null;
      while (all.size() < items) {
        List<Item> page = table.query("p", "", from, 60);
        all.addAll(page);
        from = page.get(page.size() - 1).sk();
      }
      assertEquals(items, all.size());
      assertEquals(items, table.fileReads());
      assertEquals(RecentData.CAPACITY, table.recentTexts());
      table.get("p", "u00000").orElseThrow(); // pushed out long ago: read again
      assertEquals(items + 1, table.fileReads());

      table.clearExcept("p");
      assertEquals(0, table.recentTexts());
      assertEquals(all.get(9).data(), table.get("p", "u00009").orElseThrow().data());
    }
  }

  /**
   * {@code main-format/} was written by the embedded table before data stayed on disk (Jackson's
   * tree writer: escaped surrogate pairs, a null data, a removal, an expiry): folders of users must
   * keep opening.
   */
  @Test
  void whenAFolderWrittenByThePreviousFormatIsOpenedThenEveryItemIsBack() throws IOException {
    for (String file : List.of("snapshot", "journal")) {
      try (InputStream in = getClass().getResourceAsStream("/embedded/main-format/" + file)) {
        Files.write(dir.resolve(file), in.readAllBytes());
      }
    }
    String alice =
        "{\"name\":\"Zoë 😀\",\"quote\":\"say \\\"hi\\\"\",\"path\":\"C:\\\\x\","
            + "\"line\":\"a\\nb\",\"pad\":\""
            + "x".repeat(300)
            + "\"}";
    for (int reopen = 0; reopen < 2; reopen++) { // the second open reads what the first wrote
      try (EmbeddedItemTable table = open()) {
        assertEquals(
            List.of(
                new Item("pool", "code#1", 1, 1893459600L, "c".repeat(200)),
                new Item("pool", "user#alice", 1, null, alice),
                new Item("pool", "user#bob", 2, null, "bob v2 " + "y".repeat(150) + " tab\there")),
            table.query("pool", "", null, 10));
        assertEquals(Optional.of(new Item("other", "k", 1, null, null)), table.get("other", "k"));
        assertEquals(
            "\u2028\u0000 control and 漢字 " + "z".repeat(80),
            table.get("other", "unicode").orElseThrow().data());
      }
    }
  }

  private static String large(int n, int length) {
    StringBuilder data = new StringBuilder(AWKWARD).append(n).append('-');
    while (data.length() < length) {
      data.append((char) ('a' + data.length() % 26));
    }
    return data.append("\"}").toString();
  }

  private static String stamped(int key, long round) {
    return "{\"key\":" + key + ",\"round\":" + round + ",\"pad\":\"" + "p".repeat(200) + "\"}";
  }

  private EmbeddedItemTable open() {
    return EmbeddedItemTable.open(dir, clock);
  }

  private EmbeddedItemTable reopenAfterClosing(EmbeddedItemTable table) {
    table.close();
    return open();
  }

  private EmbeddedItemTable open(long compactAfterBytes) {
    return EmbeddedItemTable.open(
        dir, clock, compactAfterBytes, EmbeddedItemTable.OnDamage.STOP, Slot.INLINE_DATA_BYTES);
  }

  private static void put(ItemTable table, Item item) {
    table.write(List.of(Write.put(item, Condition.NONE)));
  }
}
