package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;

/** The sign-in stores over the embedded table (local mode). */
class EmbeddedSignInStoresTest extends SignInStoresContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(clock);
  }
}
