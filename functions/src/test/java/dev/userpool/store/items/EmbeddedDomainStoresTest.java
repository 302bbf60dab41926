package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;
import java.time.Clock;

/** The domain stores over the embedded table (local mode). */
class EmbeddedDomainStoresTest extends DomainStoresContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(Clock.systemUTC());
  }
}
