package dev.userpool.store.embedded;

import dev.userpool.store.table.Item;

/**
 * One state change as recorded in the journal: the item now stored under a key, the removal of a
 * key, or the removal of everything. Records carry results, not requests, so replaying them needs
 * no condition checks.
 */
sealed interface Change {
  /** An item as a write stores it. */
  record Stored(Item item) implements Change {}

  /**
   * An item as read back from a line: its data either read ({@code data}, when short or null) or
   * left where it is, as the JSON string literal of {@code dataLength} bytes at {@code dataAt} in
   * the line ({@code dataAt} is -1 when the data was read).
   */
  record Located(
      String pk, String sk, long version, Long expiresAt, String data, int dataAt, int dataLength)
      implements Change {}

  record Removed(String pk, String sk) implements Change {}

  record Cleared() implements Change {}
}
