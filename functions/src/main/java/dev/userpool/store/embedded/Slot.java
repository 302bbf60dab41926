package dev.userpool.store.embedded;

/**
 * What the table keeps in memory for one item: its sort key, version, expiry and either its data
 * or, for a table in a folder, where the data's JSON string literal is in the folder's files (see
 * {@link Journal#read}). The partition key is the table's map key; the sort key is here so that a
 * partition ({@link SortedSlots}) needs no entry object per item.
 *
 * <p>48 bytes with compressed references; the expiry is a primitive (a boxed one cost a further 16
 * bytes for every item that expires, one per confirmation code). Keeping the sort key as Latin-1
 * bytes instead of a String saved 24 bytes more per item but cost AdminGetUser 15–25% more CPU in
 * alternated runs (docs/measurements.md), so it stays a String.
 */
final class Slot {
  /**
   * Data of at most this many bytes (as escaped in its JSON string literal) stays in memory even
   * for a table in a folder: a position costs 12 bytes and a file read, a short string ~40 bytes
   * plus its characters.
   */
  static final int INLINE_DATA_BYTES = 64;

  private static final long INLINE = -1;

  /** {@link #expiry} of an item that does not expire. */
  private static final long NEVER = Long.MIN_VALUE;

  private final String key;
  final long version;

  /** Epoch second, or {@link #NEVER}. */
  private final long expiry;

  /** The data kept in memory, or null. */
  private final String inline;

  /** Where the data is (see {@link Journal#read}), or {@link #INLINE}; compaction moves it. */
  long location;

  final int length;

  private Slot(String key, long version, Long expiresAt, String inline, long location, int length) {
    this.key = key;
    this.version = version;
    // Long.MIN_VALUE means "never" here; as an expiry it is the distant past either way.
    this.expiry = expiresAt == null ? NEVER : Math.max(expiresAt, NEVER + 1);
    this.inline = inline;
    this.location = location;
    this.length = length;
  }

  static Slot inline(String key, long version, Long expiresAt, String data) {
    return new Slot(key, version, expiresAt, data, INLINE, 0);
  }

  static Slot onDisk(String key, long version, Long expiresAt, long location, int length) {
    return new Slot(key, version, expiresAt, null, location, length);
  }

  String key() {
    return key;
  }

  /** The data kept in memory, or null (none, or kept in the folder's files: {@link #onDisk}). */
  String inline() {
    return inline;
  }

  /** The characters of the data kept in memory. */
  int inlineLength() {
    return inline == null ? 0 : inline.length();
  }

  /** This slot's key against {@code other} in {@link EmbeddedItemTable#CODE_POINT_ORDER}. */
  int compareKeyTo(String other) {
    return EmbeddedItemTable.compareCodePoints(key, other);
  }

  boolean keyStartsWith(String prefix) {
    return key.startsWith(prefix);
  }

  boolean onDisk() {
    return location != INLINE;
  }

  /** The epoch second the item expires at, or null. */
  Long expiresAt() {
    return expiry == NEVER ? null : expiry;
  }

  boolean isExpiredAt(long nowEpochSeconds) {
    return expiry != NEVER && expiry <= nowEpochSeconds;
  }
}
