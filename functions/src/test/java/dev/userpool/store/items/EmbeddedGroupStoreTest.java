package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;
import java.time.Clock;

/** The group store over the embedded table (local mode). */
class EmbeddedGroupStoreTest extends GroupStoreContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(Clock.systemUTC());
  }
}
