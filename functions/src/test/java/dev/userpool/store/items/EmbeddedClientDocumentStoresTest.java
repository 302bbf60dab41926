package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;
import java.time.Clock;

/** The terms and branding stores over the embedded table (local mode). */
class EmbeddedClientDocumentStoresTest extends ClientDocumentStoresContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(Clock.systemUTC());
  }
}
