package dev.userpool.store.table;

import java.util.function.Consumer;

/**
 * Every live item of a table, in no promised order: what export and backups read. Kept apart from
 * {@link ItemTable} because no request path may ever scan a whole table.
 */
public interface FullScan {
  /** Calls {@code each} once for every item that has not expired. */
  void forEachLiveItem(Consumer<Item> each);
}
