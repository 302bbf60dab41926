package dev.userpool.store.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the table keeps in memory for one item: its sort key, version, expiry and either its data
 * or, for a table in a folder, where the data's JSON string literal is in the folder's files (see
 * {@link Journal#read}). The partition key is the table's map key; the sort key is here so that a
 * partition ({@link SortedSlots}) needs no entry object per item.
 *
 * <p>48 bytes with compressed references; the expiry is a primitive (a boxed one cost a further 16
 * bytes for every item that expires, one per confirmation code). The sort key is held as its
 * Latin-1 bytes when every character fits (nearly every key is ASCII), without the 24-byte String
 * around them; a key with a wider character stays a String. Lookups compare bytes with bytes
 * ({@link #latin1} of the wanted key, made once per lookup).
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

  /** Latin-1 bytes, or the String when a character does not fit. */
  private final Object key;

  final long version;

  /** Epoch second, or {@link #NEVER}. */
  private final long expiry;

  /** The data kept in memory, or null. */
  private final String inline;

  /** Where the data is (see {@link Journal#read}), or {@link #INLINE}; compaction moves it. */
  long location;

  final int length;

  private Slot(String key, long version, Long expiresAt, String inline, long location, int length) {
    byte[] bytes = latin1(key);
    this.key = bytes != null ? bytes : key;
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
    return key instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.ISO_8859_1)
        : (String) key;
  }

  /** The key's Latin-1 bytes (not to be changed), or null when it is held as a String. */
  byte[] keyLatin1() {
    return key instanceof byte[] bytes ? bytes : null;
  }

  /** The data kept in memory, or null (none, or kept in the folder's files: {@link #onDisk}). */
  String inline() {
    return inline;
  }

  /** The characters of the data kept in memory. */
  int inlineLength() {
    return inline == null ? 0 : inline.length();
  }

  /**
   * This slot's key against {@code other} in {@link EmbeddedItemTable#CODE_POINT_ORDER}; {@code
   * otherLatin1} is {@link #latin1}{@code (other)}.
   */
  int compareKeyTo(String other, byte[] otherLatin1) {
    if (!(key instanceof byte[] mine)) {
      return EmbeddedItemTable.compareCodePoints((String) key, other);
    }
    if (otherLatin1 != null) {
      return Arrays.compareUnsigned(mine, otherLatin1); // Latin-1 bytes sort as their code points
    }
    int common = Math.min(mine.length, other.length());
    for (int k = 0; k < common; k++) {
      int x = mine[k] & 0xFF;
      char y = other.charAt(k);
      if (x != y) {
        return x - y; // x is below every surrogate: the units' order is the code points' here
      }
    }
    return mine.length - other.length();
  }

  /** Whether the key starts with {@code prefix}; {@code prefixLatin1} is its {@link #latin1}. */
  boolean keyStartsWith(String prefix, byte[] prefixLatin1) {
    if (!(key instanceof byte[] mine)) {
      return ((String) key).startsWith(prefix);
    }
    return prefixLatin1 != null
        && prefixLatin1.length <= mine.length
        && Arrays.mismatch(mine, 0, prefixLatin1.length, prefixLatin1, 0, prefixLatin1.length) < 0;
  }

  /** {@code text}'s Latin-1 bytes, or null when a character is beyond Latin-1. */
  static byte[] latin1(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return null;
      }
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
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
