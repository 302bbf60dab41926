package dev.userpool.store.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.store.table.Condition;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import dev.userpool.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files on a real disk: a torn last journal line is dropped with a warning; any other
 * damage stops the open with the file and offset, and leaves every byte of the folder as it was;
 * REPAIR copies the damaged file aside and keeps what can be trusted.
 */
class EmbeddedStoreDamageTest {
  @TempDir Path root;
  Path dir;
  final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
  final List<String> warnings = new ArrayList<>();
  final Logger journalLog = Logger.getLogger(Journal.class.getName());
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          warnings.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureWarnings() {
    dir = root.resolve("data");
    journalLog.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    journalLog.removeHandler(capture);
  }

  @Test
  void whenTheLastJournalLineIsCutShortThenItIsDroppedWithAWarningNamingFileAndOffset()
      throws IOException {
    fourBatchesInTheJournal();
    Path journal = dir.resolve("journal");
    byte[] bytes = Files.readAllBytes(journal);
    int lastLine = lineStarts(bytes).get(3);
    Files.write(journal, Arrays.copyOf(bytes, bytes.length - 7));

    try (EmbeddedItemTable table = open()) {
      assertEquals(List.of("1", "2", "3"), keys(table));
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings.get(0).contains(journal.toString())
            && warnings.get(0).contains("at byte " + lastLine),
        warnings.get(0));
  }

  @Test
  void whenTheJournalEndsInZeroBytesAsAfterAPowerCutThenTheyAreDroppedWithAWarning()
      throws IOException {
    fourBatchesInTheJournal();
    Path journal = dir.resolve("journal");
    int end = (int) Files.size(journal);
    Files.write(journal, new byte[300], java.nio.file.StandardOpenOption.APPEND);

    try (EmbeddedItemTable table = open()) {
      assertEquals(List.of("1", "2", "3", "4"), keys(table));
    }
    assertTrue(warnings.get(0).contains("at byte " + end), warnings.toString());
  }

  @Test
  void whenALineInTheMiddleOfTheJournalIsDamagedThenOpenStopsAndNoByteChanges() throws IOException {
    fourBatchesInTheJournal();
    Path journal = dir.resolve("journal");
    byte[] bytes = Files.readAllBytes(journal);
    int second = lineStarts(bytes).get(1);
    bytes[second + 20] ^= 0x01;
    Files.write(journal, bytes);
    Map<String, byte[]> before = folder();

    DamagedDataException e = assertThrows(DamagedDataException.class, this::open);

    assertEquals(journal, e.file());
    assertEquals(second, e.offset());
    assertEquals(1, e.wholeBatchesBefore());
    assertTrue(e.getMessage().contains(journal + " is damaged at byte " + second), e.getMessage());
    assertSameFolder(before, folder());
  }

  @Test
  void whenTheLastJournalLineIsWholeButForeignThenOpenStopsInsteadOfDroppingIt()
      throws IOException {
    fourBatchesInTheJournal();
    Path journal = dir.resolve("journal");
    int end = (int) Files.size(journal);
    Files.writeString(
        journal, "{\"pk\":\"p\",\"sk\":\"5\"}\n", java.nio.file.StandardOpenOption.APPEND);
    Map<String, byte[]> before = folder();

    DamagedDataException e = assertThrows(DamagedDataException.class, this::open);

    assertEquals(end, e.offset());
    assertSameFolder(before, folder());
  }

  @Test
  void whenTheJournalIsGarbageThenOpenStopsAtByteZeroAndNoByteChanges() throws IOException {
    fourBatchesInTheJournal();
    byte[] garbage = new byte[4096];
    new java.util.Random(13).nextBytes(garbage);
    garbage[100] = '\n';
    Files.write(dir.resolve("journal"), garbage);
    Map<String, byte[]> before = folder();

    DamagedDataException e = assertThrows(DamagedDataException.class, this::open);

    assertEquals(dir.resolve("journal"), e.file());
    assertEquals(0, e.offset());
    assertSameFolder(before, folder());
  }

  @Test
  void whenTheJournalIsOneLineOfTextThenOpenStops() throws IOException {
    fourBatchesInTheJournal();
    Files.writeString(dir.resolve("journal"), "not a journal\n");

    assertEquals(0, assertThrows(DamagedDataException.class, this::open).offset());
    assertEquals("not a journal\n", Files.readString(dir.resolve("journal")));
  }

  @Test
  void whenTheSnapshotIsDamagedThenOpenStopsNamingItAndNoByteChanges() throws IOException {
    itemsInSnapshotAndJournal(1200, 3);
    Path snapshot = dir.resolve("snapshot");
    byte[] bytes = Files.readAllBytes(snapshot);
    int second = lineStarts(bytes).get(1);
    bytes[second + 40] ^= 0x01;
    Files.write(snapshot, bytes);
    Map<String, byte[]> before = folder();

    DamagedDataException e = assertThrows(DamagedDataException.class, this::open);

    assertEquals(snapshot, e.file());
    assertEquals(second, e.offset());
    assertSameFolder(before, folder());
  }

  @Test
  void whenTheSnapshotIsGarbageThenOpenStops() throws IOException {
    itemsInSnapshotAndJournal(10, 1);
    Files.writeString(dir.resolve("snapshot"), "garbage");
    Map<String, byte[]> before = folder();

    DamagedDataException e = assertThrows(DamagedDataException.class, this::open);

    assertEquals(0, e.offset());
    assertSameFolder(before, folder());
  }

  @Test
  void whenRepairingADamagedJournalThenTheLinesBeforeTheDamageAreKeptAndTheFileIsCopiedAside()
      throws IOException {
    fourBatchesInTheJournal();
    Path journal = dir.resolve("journal");
    byte[] bytes = Files.readAllBytes(journal);
    bytes[lineStarts(bytes).get(2) + 20] ^= 0x01;
    Files.write(journal, bytes);

    try (EmbeddedItemTable table =
        EmbeddedItemTable.open(dir, clock, EmbeddedItemTable.OnDamage.REPAIR)) {
      assertEquals(List.of("1", "2"), keys(table));
      put(table, "after");
    }
    Path aside = dir.resolve("journal.damaged-20300101T000000Z");
    assertArrayEquals(bytes, Files.readAllBytes(aside), "the damaged journal, byte for byte");
    assertTrue(
        warnings.stream()
            .anyMatch(
                w ->
                    w.contains("kept the 2 journal lines before byte")
                        && w.contains("the 1 readable lines after the damage are not applied")),
        warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains(aside.toString())), warnings.toString());
    try (EmbeddedItemTable table = open()) {
      assertEquals(List.of("1", "2", "after"), keys(table));
    }
  }

  @Test
  void whenRepairingADamagedSnapshotThenItsOtherLinesAndTheWholeJournalAreKept()
      throws IOException {
    itemsInSnapshotAndJournal(1200, 3);
    Path snapshot = dir.resolve("snapshot");
    byte[] bytes = Files.readAllBytes(snapshot);
    bytes[lineStarts(bytes).get(1) + 40] ^= 0x01;
    Files.write(snapshot, bytes);

    try (EmbeddedItemTable table =
        EmbeddedItemTable.open(dir, clock, EmbeddedItemTable.OnDamage.REPAIR)) {
      List<String> keys = keys(table);
      assertEquals(
          1200 - 500 + 3,
          keys.size(),
          "one snapshot line of 500 items lost, the rest and the journal kept");
      assertTrue(keys.containsAll(List.of("j1", "j2", "j3")));
    }
    assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("snapshot.damaged-20300101T000000Z")));
    try (EmbeddedItemTable table = open()) {
      assertEquals(703, keys(table).size());
    }
  }

  @Test
  void whenRepairingTwiceInOneSecondThenTheFirstCopyIsNotOverwritten() throws IOException {
    byte[] first = damageThirdLineAndRepair();
    byte[] second = damageThirdLineAndRepair();

    assertArrayEquals(first, Files.readAllBytes(dir.resolve("journal.damaged-20300101T000000Z")));
    assertArrayEquals(
        second, Files.readAllBytes(dir.resolve("journal.damaged-20300101T000000Z-2")));
  }

  private byte[] damageThirdLineAndRepair() throws IOException {
    try (EmbeddedItemTable table = open()) {
      IntStream.rangeClosed(1, 4).forEach(i -> put(table, "x" + i));
    }
    Path journal = dir.resolve("journal");
    byte[] bytes = Files.readAllBytes(journal);
    bytes[lineStarts(bytes).get(2) + 20] ^= 0x01;
    Files.write(journal, bytes);
    EmbeddedItemTable.open(dir, clock, EmbeddedItemTable.OnDamage.REPAIR).close();
    return bytes;
  }

  @Test
  void whenRepairingAnUndamagedFolderThenNothingIsCopiedAside() throws IOException {
    fourBatchesInTheJournal();
    try (EmbeddedItemTable table =
        EmbeddedItemTable.open(dir, clock, EmbeddedItemTable.OnDamage.REPAIR)) {
      assertEquals(4, keys(table).size());
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("damaged")));
    }
  }

  @Test
  void whenAFileIsWhereTheFolderShouldBeThenOpenFailsWithOneSentenceAndTheFileStays()
      throws IOException {
    Files.writeString(dir, "my notes");

    UnusableDataFolderException e = assertThrows(UnusableDataFolderException.class, this::open);

    assertTrue(
        e.getMessage().startsWith("cannot use " + dir + " as the data folder"), e.getMessage());
    assertEquals("my notes", Files.readString(dir));
  }

  @Test
  void whenTheFolderCannotBeCreatedThenOpenFailsWithOneSentence() throws IOException {
    Files.writeString(root.resolve("file"), "x");
    dir = root.resolve("file").resolve("data");

    UnusableDataFolderException e = assertThrows(UnusableDataFolderException.class, this::open);

    assertTrue(
        e.getMessage()
            .startsWith("cannot use " + dir + " as the data folder: creating it failed ("),
        e.getMessage());
  }

  /**
   * Tests run as root, which writes into folders without write permission; an immutable folder
   * ({@code chattr +i}, which binds root too) stands in for a read-only one. Skipped where the file
   * system or container refuses chattr.
   */
  @Test
  void whenTheFolderCannotBeWrittenThenOpenFailsWithOneSentenceAndNoByteChanges() throws Exception {
    fourBatchesInTheJournal();
    Map<String, byte[]> before = folder();
    Assumptions.assumeTrue(chattr("+i", dir), "chattr +i is not available here");
    try {
      UnusableDataFolderException e = assertThrows(UnusableDataFolderException.class, this::open);
      assertTrue(
          e.getMessage()
              .startsWith(
                  "cannot use "
                      + dir
                      + " as the data folder: writing a new snapshot"
                      + " failed (Operation not permitted)"),
          e.getMessage());
    } finally {
      chattr("-i", dir);
    }
    assertSameFolder(before, folder());
  }

  @Test
  void whenAnEmptyFolderCannotBeWrittenThenOpenFailsAtTheLockFile() throws Exception {
    Files.createDirectories(dir);
    Assumptions.assumeTrue(chattr("+i", dir), "chattr +i is not available here");
    try {
      UnusableDataFolderException e = assertThrows(UnusableDataFolderException.class, this::open);
      assertTrue(e.getMessage().contains("writing its lock file failed"), e.getMessage());
    } finally {
      chattr("-i", dir);
    }
  }

  private static boolean chattr(String flag, Path path) throws IOException, InterruptedException {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException noChattr) {
      return false;
    }
  }

  /** An empty snapshot and a journal of four one-item batches with keys 1..4. */
  private void fourBatchesInTheJournal() {
    open().close();
    try (EmbeddedItemTable table = open()) {
      IntStream.rangeClosed(1, 4).forEach(i -> put(table, Integer.toString(i)));
    }
  }

  /**
   * {@code snapshotItems} items compacted into the snapshot, then {@code journalItems} more in the
   * journal.
   */
  private void itemsInSnapshotAndJournal(int snapshotItems, int journalItems) {
    try (EmbeddedItemTable table = open()) {
      for (int from = 0; from < snapshotItems; from += ItemTable.MAX_BATCH) {
        List<Write> batch = new ArrayList<>();
        for (int i = from; i < Math.min(snapshotItems, from + ItemTable.MAX_BATCH); i++) {
          batch.add(Write.put(Item.of("p", String.format("s%05d", i), "{}"), Condition.NONE));
        }
        table.write(batch);
      }
    }
    try (EmbeddedItemTable table = open()) {
      IntStream.rangeClosed(1, journalItems).forEach(i -> put(table, "j" + i));
    }
  }

  private EmbeddedItemTable open() {
    return EmbeddedItemTable.open(dir, clock);
  }

  private static void put(EmbeddedItemTable table, String sk) {
    table.write(List.of(Write.put(Item.of("p", sk, "{\"v\":\"" + sk + "\"}"), Condition.NONE)));
  }

  private static List<String> keys(EmbeddedItemTable table) {
    return table.query("p", "", null, 10_000).stream().map(Item::sk).toList();
  }

  private static List<Integer> lineStarts(byte[] bytes) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] == '\n') {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  private Map<String, byte[]> folder() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return files;
  }

  private static void assertSameFolder(Map<String, byte[]> before, Map<String, byte[]> after) {
    assertEquals(before.keySet(), after.keySet(), "the same files");
    before.forEach(
        (name, bytes) ->
            assertEquals(
                new String(bytes, StandardCharsets.ISO_8859_1),
                new String(after.get(name), StandardCharsets.ISO_8859_1),
                name + " unchanged"));
  }
}
