package dev.userpool.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.store.table.Condition;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.ItemTableContract;
import dev.userpool.store.table.Write;
import dev.userpool.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedItemTableTest {

  @Nested
  class InMemory extends ItemTableContract {
    @Override
    protected ItemTable createTable(Clock clock) {
      return EmbeddedItemTable.inMemory(clock);
    }

    @Override
    protected void closeTable(ItemTable table) {
      ((EmbeddedItemTable) table).close();
    }
  }

  @Nested
  class OnDisk extends ItemTableContract {
    @TempDir Path dir;

    @Override
    protected ItemTable createTable(Clock clock) {
      return EmbeddedItemTable.open(dir, clock);
    }

    @Override
    protected void closeTable(ItemTable table) {
      ((EmbeddedItemTable) table).close();
    }
  }

  /** Every item's data in the files (none in memory), compacted every few writes. */
  @Nested
  class OnDiskDataInFilesOnly extends ItemTableContract {
    @TempDir Path dir;

    @Override
    protected ItemTable createTable(Clock clock) {
      return EmbeddedItemTable.open(dir, clock, 4096, EmbeddedItemTable.OnDamage.STOP, 0);
    }

    @Override
    protected void closeTable(ItemTable table) {
      ((EmbeddedItemTable) table).close();
    }
  }

  @Nested
  class Persistence {
    @TempDir Path dir;
    final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");

    @Test
    void whenReopenedThenItemsWithVersionsAndExpiriesAreBack() {
      long later = clock.epochSecond() + 600;
      try (EmbeddedItemTable table = open()) {
        put(table, Item.of("p", "a", "{\"x\":\"Zoë\"}").withExpiresAt(later));
        put(table, Item.of("p", "b", "1"));
        put(table, table.get("p", "b").orElseThrow().withData("2"));
      }

      try (EmbeddedItemTable table = open()) {
        assertEquals(
            Optional.of(new Item("p", "a", 1, later, "{\"x\":\"Zoë\"}")), table.get("p", "a"));
        assertEquals(Optional.of(new Item("p", "b", 2, null, "2")), table.get("p", "b"));
      }
    }

    @Test
    void whenReopenedThenDeletesAndClearsStayApplied() {
      try (EmbeddedItemTable table = open()) {
        put(table, Item.of("p", "gone", "x"));
        table.clear();
        put(table, Item.of("p", "kept", "x"));
        put(table, Item.of("p", "deleted", "x"));
        table.write(List.of(Write.delete("p", "deleted", Condition.EXISTS)));
      }

      try (EmbeddedItemTable table = open()) {
        assertEquals(
            List.of("kept"), table.query("p", "", null, 10).stream().map(Item::sk).toList());
      }
    }

    @Test
    void whenReopenedAfterAClearThatKeptAPartitionThenOnlyThatPartitionIsBack() {
      try (EmbeddedItemTable table = open()) {
        put(table, Item.of("keys", "k1", "secret"));
        put(table, Item.of("p", "gone", "x"));
        table.clearExcept("keys");
        put(table, Item.of("p", "after", "x"));
      }

      try (EmbeddedItemTable table = open()) {
        assertEquals(
            Optional.of(new Item("keys", "k1", 1, null, "secret")), table.get("keys", "k1"));
        assertEquals(
            List.of("after"), table.query("p", "", null, 10).stream().map(Item::sk).toList());
      }
    }

    @Test
    void whenReopenedThenJournalIsFoldedIntoTheSnapshot() throws IOException {
      try (EmbeddedItemTable table = open()) {
        put(table, Item.of("p", "a", "x"));
        assertTrue(Files.size(dir.resolve("journal")) > 0);
      }

      try (EmbeddedItemTable table = open()) {
        assertEquals(0, Files.size(dir.resolve("journal")));
        assertTrue(Files.size(dir.resolve("snapshot")) > 0);
        assertTrue(table.get("p", "a").isPresent());
      }
    }

    @Test
    void whenLastJournalLineIsTornThenThatBatchIsDroppedAndTheTableStaysWritable()
        throws IOException {
      try (EmbeddedItemTable table = open()) {
        put(table, Item.of("p", "first", "x"));
        put(table, Item.of("p", "torn", "x"));
      }
      Path journal = dir.resolve("journal");
      byte[] bytes = Files.readAllBytes(journal);
      Files.write(journal, Arrays.copyOf(bytes, bytes.length - 5));

      try (EmbeddedItemTable table = open()) {
        assertTrue(table.get("p", "first").isPresent());
        assertEquals(Optional.empty(), table.get("p", "torn"));
        put(table, Item.of("p", "after", "x"));
      }
      try (EmbeddedItemTable table = open()) {
        assertEquals(
            List.of("after", "first"),
            table.query("p", "", null, 10).stream().map(Item::sk).toList());
      }
    }

    @Test
    void whenAJournalLineBeforeTheLastIsDamagedThenOpenFailsAndTheJournalIsUntouched()
        throws IOException {
      try (EmbeddedItemTable table = open()) {
        put(table, Item.of("p", "one", "x"));
        put(table, Item.of("p", "two", "damaged"));
        put(table, Item.of("p", "three", "x"));
      }
      Path journal = dir.resolve("journal");
      String text = Files.readString(journal, StandardCharsets.UTF_8);
      String damaged = text.replace("damaged", "DAMAGED");
      Files.writeString(journal, damaged, StandardCharsets.UTF_8);

      DamagedDataException e = assertThrows(DamagedDataException.class, this::open);
      assertEquals(text.indexOf('\n') + 1, e.offset());
      assertEquals(damaged, Files.readString(journal, StandardCharsets.UTF_8));
    }

    @Test
    void whenCrashFollowsSnapshotRenameButPrecedesJournalTruncationThenReplayChangesNothing()
        throws IOException {
      try (EmbeddedItemTable table = open()) {
        put(table, Item.of("p", "a", "1"));
        table.clear();
        put(table, Item.of("p", "b", "1"));
        put(table, table.get("p", "b").orElseThrow().withData("2"));
        put(table, Item.of("p", "c", "x"));
        table.write(List.of(Write.delete("p", "c", Condition.NONE)));
      }
      byte[] journalBeforeCompaction = Files.readAllBytes(dir.resolve("journal"));
      open().close();
      Files.write(dir.resolve("journal"), journalBeforeCompaction);

      try (EmbeddedItemTable table = open()) {
        assertEquals(List.of(new Item("p", "b", 2, null, "2")), table.query("p", "", null, 10));
      }
    }

    @Test
    void whenJournalOutgrowsItsLimitThenItIsCompactedWhileRunning() throws IOException {
      try (EmbeddedItemTable table = EmbeddedItemTable.open(dir, clock, 2048)) {
        IntStream.range(0, 200)
            .forEach(i -> put(table, Item.of("p", String.format("%03d", i), "x".repeat(100))));
        long snapshot = Files.size(dir.resolve("snapshot"));
        assertTrue(snapshot > 10_000, "compacted while running: " + snapshot);
        assertTrue(Files.size(dir.resolve("journal")) < Math.max(2048, snapshot) + 512);
      }
      try (EmbeddedItemTable table = open()) {
        assertEquals(200, table.query("p", "", null, 1000).size());
      }
    }

    @Test
    void whenTheJournalIsPastItsLimitButSmallerThanTheSnapshotThenItWaits() throws IOException {
      try (EmbeddedItemTable table = EmbeddedItemTable.open(dir, clock, 2048)) {
        IntStream.range(0, 100)
            .forEach(i -> put(table, Item.of("p", String.format("%03d", i), "x".repeat(1000))));
        long snapshot = Files.size(dir.resolve("snapshot"));
        long journal = Files.size(dir.resolve("journal"));
        // rewriting a tenth of the items: past the limit, not yet the snapshot's size
        for (int i = 0; Files.size(dir.resolve("journal")) < journal + 2 * 2048 + 1024; i++) {
          put(table, Item.of("p", String.format("%03d", i), "y".repeat(1000)));
        }
        assertTrue(Files.size(dir.resolve("journal")) > 2048 + 1024);
        assertEquals(snapshot, Files.size(dir.resolve("snapshot")), "not compacted yet");
        for (int i = 0; Files.size(dir.resolve("snapshot")) == snapshot; i++) {
          assertTrue(i < 200, "compacted once the journal outgrew the snapshot");
          put(table, Item.of("p", String.format("%03d", i % 100), "z".repeat(1000)));
        }
        assertTrue(Files.size(dir.resolve("journal")) < 2048);
      }
    }

    @Test
    void whenItemsExpiredBeforeReopenThenTheSnapshotNoLongerHoldsThem() throws IOException {
      try (EmbeddedItemTable table = open()) {
        put(
            table,
            Item.of("p", "short-lived", "secret-code").withExpiresAt(clock.epochSecond() + 60));
      }
      clock.advance(Duration.ofMinutes(2));

      try (EmbeddedItemTable table = open()) {
        assertEquals(Optional.empty(), table.get("p", "short-lived"));
        assertTrue(!Files.readString(dir.resolve("snapshot")).contains("secret-code"));
      }
    }

    @Test
    void whenSnapshotIsDamagedThenOpenFailsInsteadOfLosingData() throws IOException {
      try (EmbeddedItemTable table = open()) {
        put(table, Item.of("p", "a", "x"));
      }
      open().close();
      Path snapshot = dir.resolve("snapshot");
      Files.writeString(snapshot, Files.readString(snapshot).replace("\"a\"", "\"b\""));

      assertThrows(DamagedDataException.class, this::open);
      Files.delete(snapshot);
      open().close(); // the failed open released the folder
    }

    @Test
    void whenFolderIsAlreadyOpenThenASecondOpenFails() {
      try (EmbeddedItemTable table = open()) {
        assertThrows(UnusableDataFolderException.class, this::open);
      }
      open().close();
    }

    @Test
    void whenClosedThenTheTableRefusesWork() {
      EmbeddedItemTable table = open();
      table.close();

      assertThrows(IllegalStateException.class, () -> table.get("p", "s"));
      assertThrows(IllegalStateException.class, () -> put(table, Item.of("p", "s", "x")));
    }

    private EmbeddedItemTable open() {
      return EmbeddedItemTable.open(dir, clock);
    }

    private static void put(ItemTable table, Item item) {
      table.write(List.of(Write.put(item, Condition.NONE)));
    }
  }
}
