package dev.userpool.local;

import dev.userpool.store.table.FullScan;
import dev.userpool.store.table.ItemTable;

/**
 * Every live item a server has stored, one per line, read from its table whichever store it runs on
 * (embedded or DynamoDB): for tests that check a secret never reaches storage in the clear.
 */
final class StoredItems {
  private StoredItems() {}

  static String dump(LocalServer server) {
    ItemTable table = server.wiring().table();
    if (!(table instanceof FullScan scan)) {
      throw new IllegalStateException(table.getClass().getSimpleName() + " cannot be listed");
    }
    StringBuilder out = new StringBuilder();
    scan.forEachLiveItem(item -> out.append(item).append('\n'));
    return out.toString();
  }
}
