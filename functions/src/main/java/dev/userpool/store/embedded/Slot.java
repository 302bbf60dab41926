package dev.userpool.store.embedded;

/**
 * What the table keeps in memory for one item: its version, expiry and either its data or, for a
 * table in a folder, where the data's JSON string literal is in the folder's files (see {@link
 * Journal#read}). Keys are the maps' keys, so a slot does not repeat them.
 */
final class Slot {
  /**
   * Data of at most this many bytes (as escaped in its JSON string literal) stays in memory even
   * for a table in a folder: a position costs 12 bytes and a file read, a short string ~40 bytes
   * plus its characters.
   */
  static final int INLINE_DATA_BYTES = 64;

  private static final long INLINE = -1;

  final long version;
  final Long expiresAt;
  final String inline;

  /** Where the data is (see {@link Journal#read}), or {@link #INLINE}; compaction moves it. */
  long location;

  final int length;

  private Slot(long version, Long expiresAt, String inline, long location, int length) {
    this.version = version;
    this.expiresAt = expiresAt;
    this.inline = inline;
    this.location = location;
    this.length = length;
  }

  static Slot inline(long version, Long expiresAt, String data) {
    return new Slot(version, expiresAt, data, INLINE, 0);
  }

  static Slot onDisk(long version, Long expiresAt, long location, int length) {
    return new Slot(version, expiresAt, null, location, length);
  }

  boolean onDisk() {
    return location != INLINE;
  }

  boolean isExpiredAt(long nowEpochSeconds) {
    return expiresAt != null && expiresAt <= nowEpochSeconds;
  }
}
