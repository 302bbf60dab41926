package dev.userpool.store.items;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.ItemTable;
import java.time.Clock;

/** The device store over the embedded table (local mode). */
class EmbeddedDeviceStoreTest extends DeviceStoreContract {
  @Override
  protected ItemTable newTable() {
    return EmbeddedItemTable.inMemory(Clock.systemUTC());
  }
}
