package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;

/** The code store over the embedded table (local mode). */
class EmbeddedCodeStoreTest extends CodeStoreContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(clock);
  }
}
