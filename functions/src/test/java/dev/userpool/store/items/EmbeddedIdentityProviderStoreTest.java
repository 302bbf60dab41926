package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;
import java.time.Clock;

/** The identity-provider and UI customization stores over the embedded table (local mode). */
class EmbeddedIdentityProviderStoreTest extends IdentityProviderStoreContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(Clock.systemUTC());
  }
}
