package dev.userpool.store.embedded;

import dev.userpool.store.table.Condition;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.Write;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Child process of {@link EmbeddedItemTableCrashTest}: writes batches of two items carrying the
 * same counter until it is killed, printing each counter once its batch has been written.
 */
public final class CrashingWriter {
  static final String PARTITION = "batch";
  static final int MAX_ITEMS = 1_000_000;

  private CrashingWriter() {}

  /** Arguments: the table folder, the journal size that triggers compaction. */
  public static void main(String[] args) {
    EmbeddedItemTable table =
        EmbeddedItemTable.open(Path.of(args[0]), Clock.systemUTC(), Long.parseLong(args[1]));
    int n = table.query(PARTITION, "a#", null, MAX_ITEMS).size();
    String padding = "p".repeat(1500);
    while (true) {
      n++;
      String data = "{\"n\":" + n + ",\"pad\":\"" + padding + "\"}";
      table.write(
          List.of(
              Write.put(Item.of(PARTITION, sortKey("a#", n), data), Condition.ABSENT),
              Write.put(Item.of(PARTITION, sortKey("b#", n), data), Condition.ABSENT)));
      System.out.println(n);
      System.out.flush();
    }
  }

  static String sortKey(String prefix, int n) {
    return prefix + String.format("%09d", n);
  }
}
