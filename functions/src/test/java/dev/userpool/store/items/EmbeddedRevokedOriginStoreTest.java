package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;

/** Revoked origins over the embedded table (local mode). */
class EmbeddedRevokedOriginStoreTest extends RevokedOriginStoreContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(clock);
  }
}
