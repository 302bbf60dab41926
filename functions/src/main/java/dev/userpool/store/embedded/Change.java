package dev.userpool.store.embedded;

import dev.userpool.store.table.Item;

/**
 * One state change as recorded in the journal: the item now stored under a key, the removal of a
 * key, or the removal of everything. Records carry results, not requests, so replaying them needs
 * no condition checks.
 */
sealed interface Change {
  record Stored(Item item) implements Change {}

  record Removed(String pk, String sk) implements Change {}

  record Cleared() implements Change {}
}
