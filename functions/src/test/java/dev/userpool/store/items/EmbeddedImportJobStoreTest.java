package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;

/** Import jobs over the embedded table (local mode). */
class EmbeddedImportJobStoreTest extends ImportJobStoreContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(clock);
  }
}
