package dev.userpool.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.userpool.store.table.Condition;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.Write;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a process that is writing to an embedded table and checks what a reopen finds: only
 * whole batches, without gaps, and at least every batch whose write had returned.
 */
class EmbeddedItemTableCrashTest {
  /** Small, so that kills also land during compactions. */
  private static final long COMPACT_AFTER_BYTES = 256 * 1024;

  @TempDir Path dir;
  @TempDir Path logs;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void whenWriterIsKilledMidStreamThenEveryBatchIsWholeAndNoAcknowledgedBatchIsLost()
      throws Exception {
    int acknowledged = killAfter(300 + ThreadLocalRandom.current().nextInt(300));
    int recovered = verify(acknowledged);

    int acknowledgedAgain = killAfter(recovered + 300 + ThreadLocalRandom.current().nextInt(300));
    int recoveredAgain = verify(acknowledgedAgain);
    assertTrue(recoveredAgain > recovered);

    try (EmbeddedItemTable table = EmbeddedItemTable.open(dir, Clock.systemUTC())) {
      int n = recoveredAgain + 1;
      table.write(
          List.of(
              Write.put(
                  Item.of(CrashingWriter.PARTITION, CrashingWriter.sortKey("a#", n), "{}"),
                  Condition.ABSENT),
              Write.put(
                  Item.of(CrashingWriter.PARTITION, CrashingWriter.sortKey("b#", n), "{}"),
                  Condition.ABSENT)));
    }
    assertEquals(recoveredAgain + 1, count());
  }

  /**
   * Runs the writer until it reports {@code target} batches, kills it, and returns the last one it
   * reported.
   */
  private int killAfter(int target) throws IOException, InterruptedException {
    Path stderr = Files.createTempFile(logs, "crashing-writer-", ".err");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                dir.toString(),
                Long.toString(COMPACT_AFTER_BYTES))
            .redirectError(stderr.toFile())
            .start();
    int last = 0;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      String line;
      while (last < target && (line = out.readLine()) != null) {
        last = Integer.parseInt(line.trim());
      }
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    } finally {
      process.destroyForcibly();
    }
    if (last < target) {
      fail("the writer stopped after batch " + last + ":\n" + Files.readString(stderr));
    }
    return last;
  }

  /** Reopens the table, checks batches 1..n are all whole, and returns n. */
  private int verify(int acknowledged) {
    try (EmbeddedItemTable table = EmbeddedItemTable.open(dir, Clock.systemUTC())) {
      List<Item> a = table.query(CrashingWriter.PARTITION, "a#", null, CrashingWriter.MAX_ITEMS);
      List<Item> b = table.query(CrashingWriter.PARTITION, "b#", null, CrashingWriter.MAX_ITEMS);
      assertEquals(a.size(), b.size(), "both halves of every batch");
      for (int i = 0; i < a.size(); i++) {
        int n = i + 1;
        assertEquals(CrashingWriter.sortKey("a#", n), a.get(i).sk(), "batches form 1..n");
        assertEquals(CrashingWriter.sortKey("b#", n), b.get(i).sk(), "batches form 1..n");
        assertEquals(a.get(i).data(), b.get(i).data(), "both halves of batch " + n);
        assertTrue(a.get(i).data().startsWith("{\"n\":" + n + ","), "content of batch " + n);
      }
      assertTrue(
          a.size() >= acknowledged,
          a.size() + " batches recovered, " + acknowledged + " acknowledged");
      return a.size();
    }
  }

  private int count() {
    try (EmbeddedItemTable table = EmbeddedItemTable.open(dir, Clock.systemUTC())) {
      return table.query(CrashingWriter.PARTITION, "a#", null, CrashingWriter.MAX_ITEMS).size();
    }
  }
}
