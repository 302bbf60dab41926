package dev.userpool.store.embedded;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The on-disk form of one atomic batch: {@code <crc32 as 8 hex digits> <JSON array of changes>\n},
 * each stored item an object {@code {"pk":..,"sk":..,"version":..,"expiresAt":..,"data":".."}}.
 * JSON never contains a raw newline, so a line is a batch; the checksum tells a torn or damaged
 * line from a whole one.
 *
 * <p>An item's {@code data} stays where it was written: the table keeps only the position of its
 * JSON string literal ({@link #dataAt}) and reads it back when the item is read. Writing builds the
 * line by hand rather than through a tree so those positions are known as the line is built; any
 * JSON of the same shape decodes (lines written by Jackson's tree writer before too).
 */
final class JournalLine {
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();
  private static final int CRC_DIGITS = 8;
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

  /** The line so far: room for the checksum, then the JSON. */
  private byte[] bytes = new byte[4096];

  private int size;
  private int changes;

  JournalLine() {
    reset();
  }

  /** Starts a new line, keeping the buffer. */
  void reset() {
    size = CRC_DIGITS + 1;
    changes = 0;
    add((byte) '[');
  }

  int changes() {
    return changes;
  }

  /** The bytes of the line so far (checksum not yet filled in). */
  int size() {
    return size;
  }

  /**
   * Adds a stored item whose data is {@code dataLiteral} (a JSON string literal with its quotes,
   * already escaped) or null, and answers where in the line the literal starts (-1 for null).
   */
  int stored(String pk, String sk, long version, Long expiresAt, byte[] dataLiteral) {
    begin();
    add("{\"pk\":");
    addString(pk);
    add(",\"sk\":");
    addString(sk);
    add(",\"version\":");
    add(Long.toString(version));
    add(",\"expiresAt\":");
    add(expiresAt == null ? "null" : Long.toString(expiresAt));
    add(",\"data\":");
    int at = dataLiteral == null ? -1 : size;
    add(dataLiteral == null ? NULL : dataLiteral);
    add((byte) '}');
    return at;
  }

  void removed(String pk, String sk) {
    begin();
    add("{\"pk\":");
    addString(pk);
    add(",\"sk\":");
    addString(sk);
    add(",\"removed\":true}");
  }

  void cleared() {
    begin();
    add("{\"cleared\":true}");
  }

  /** Ends the line: closes the array, adds the newline and fills in the checksum. */
  byte[] finish() {
    add((byte) ']');
    byte[] crc = crcDigits(bytes, CRC_DIGITS + 1, size - CRC_DIGITS - 1);
    System.arraycopy(crc, 0, bytes, 0, CRC_DIGITS);
    bytes[CRC_DIGITS] = ' ';
    add((byte) '\n');
    return Arrays.copyOf(bytes, size);
  }

  /** The JSON string literal (quotes included) of {@code text}. */
  static byte[] literal(String text) {
    byte[] escaped = ESCAPE.quoteAsUTF8(text);
    byte[] literal = new byte[escaped.length + 2];
    literal[0] = '"';
    System.arraycopy(escaped, 0, literal, 1, escaped.length);
    literal[literal.length - 1] = '"';
    return literal;
  }

  /** The text of a JSON string literal (quotes included). */
  static String text(byte[] literal) {
    return text(literal, 0, literal.length);
  }

  /**
   * The text of the JSON string literal (quotes included) at {@code bytes[at, at + length)}. The
   * usual escapes ({@code \" \\ \n}...) are undone on the bytes, since they and what they stand for
   * are ASCII and no byte of a multi-byte UTF-8 character is; a {@code \}{@code u} escape (control
   * characters, or surrogates as older lines wrote them) takes the slower way.
   */
  static String text(byte[] bytes, int at, int length) {
    int last = at + length - 1;
    if (length < 2 || bytes[at] != '"' || bytes[last] != '"') {
      throw new IllegalStateException("not a JSON string literal: the data files changed");
    }
    byte[] out = null;
    int size = 0;
    int from = at + 1;
    for (int i = from; i < last; i++) {
      if (bytes[i] != '\\') {
        continue;
      }
      byte c = bytes[i + 1];
      byte unescaped =
          switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> 0;
          };
      if (unescaped == 0) {
        return unicodeEscaped(new String(bytes, at + 1, length - 2, StandardCharsets.UTF_8));
      }
      if (out == null) {
        out = new byte[length - 2];
      }
      System.arraycopy(bytes, from, out, size, i - from);
      size += i - from;
      out[size++] = unescaped;
      from = i + 2;
      i++;
    }
    if (out == null) {
      return new String(bytes, at + 1, length - 2, StandardCharsets.UTF_8);
    }
    System.arraycopy(bytes, from, out, size, last - from);
    size += last - from;
    return new String(out, 0, size, StandardCharsets.UTF_8);
  }

  /** Undoes every escape, {@code \}{@code u} ones included, of an escaped text. */
  private static String unicodeEscaped(String escaped) {
    StringBuilder text = new StringBuilder(escaped.length());
    int from = 0;
    try {
      for (int backslash = escaped.indexOf('\\');
          backslash >= 0;
          backslash = escaped.indexOf('\\', from)) {
        text.append(escaped, from, backslash);
        char c = escaped.charAt(backslash + 1);
        from = backslash + 2;
        switch (c) {
          case '"', '\\', '/' -> text.append(c);
          case 'b' -> text.append('\b');
          case 'f' -> text.append('\f');
          case 'n' -> text.append('\n');
          case 'r' -> text.append('\r');
          case 't' -> text.append('\t');
          case 'u' -> {
            text.append((char) Integer.parseInt(escaped, from, from + 4, 16));
            from += 4;
          }
          default -> throw new IllegalStateException("unknown escape \\" + c);
        }
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException("not a JSON string literal: the data files changed", e);
    }
    return text.append(escaped, from, escaped.length()).toString();
  }

  /**
   * The changes of the line at {@code bytes[from, to)} (without its newline), or empty if it is
   * damaged. A stored item's data is given by its place in the line ({@link Change.Located}), not
   * read, except when it is at most {@code inlineUpTo} bytes long.
   */
  static Optional<List<Change>> decode(byte[] bytes, int from, int to, int inlineUpTo) {
    int jsonFrom = from + CRC_DIGITS + 1;
    if (to < jsonFrom || bytes[from + CRC_DIGITS] != ' ') {
      return Optional.empty();
    }
    byte[] expected = crcDigits(bytes, jsonFrom, to - jsonFrom);
    for (int i = 0; i < CRC_DIGITS; i++) {
      if (bytes[from + i] != expected[i]) {
        return Optional.empty();
      }
    }
    try (JsonParser parser = JSON.createParser(bytes, jsonFrom, to - jsonFrom)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return Optional.empty();
      }
      List<Change> changes = new ArrayList<>();
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        changes.add(change(parser, bytes, jsonFrom, from, inlineUpTo));
      }
      return parser.currentToken() == JsonToken.END_ARRAY && parser.nextToken() == null
          ? Optional.of(changes)
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code bytes[from, to)} could be a line whose write a crash cut short: a beginning of
   * what {@link #finish} writes ({@code <lowercase hex digits> [<JSON...>}), or only zero bytes
   * (what some file systems show for an extended file whose data never reached the disk). Anything
   * else is damage, not a torn write.
   */
  static boolean couldBeTorn(byte[] bytes, int from, int to) {
    boolean zeros = true;
    for (int i = from; i < to && zeros; i++) {
      zeros = bytes[i] == 0;
    }
    if (zeros) {
      return true;
    }
    for (int i = from; i < to && i < from + CRC_DIGITS + 2; i++) {
      int at = i - from;
      byte b = bytes[i];
      boolean expected =
          at < CRC_DIGITS
              ? (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f')
              : at == CRC_DIGITS ? b == ' ' : b == '[';
      if (!expected) {
        return false;
      }
    }
    return true;
  }

  /** One object of the array, the parser on its START_OBJECT; positions relative to lineFrom. */
  private static Change change(
      JsonParser parser, byte[] bytes, int jsonFrom, int lineFrom, int inlineUpTo)
      throws IOException {
    String pk = null;
    String sk = null;
    long version = 0;
    Long expiresAt = null;
    boolean removed = false;
    boolean cleared = false;
    String data = null;
    int dataAt = -1;
    int dataLength = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "pk" -> pk = parser.getText();
        case "sk" -> sk = parser.getText();
        case "version" -> version = parser.getLongValue();
        case "expiresAt" ->
            expiresAt = value == JsonToken.VALUE_NULL ? null : parser.getLongValue();
        case "removed" -> removed = value == JsonToken.VALUE_TRUE;
        case "cleared" -> cleared = value == JsonToken.VALUE_TRUE;
        case "data" -> {
          if (value == JsonToken.VALUE_STRING) {
            int at = jsonFrom + (int) parser.currentTokenLocation().getByteOffset();
            int length = literalLength(bytes, at);
            if (length - 2 <= inlineUpTo) {
              data = parser.getText();
            } else {
              dataAt = at - lineFrom;
              dataLength = length;
            }
          } else if (value != JsonToken.VALUE_NULL) {
            throw new IllegalArgumentException("data is not a string");
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (cleared) {
      return new Change.Cleared();
    }
    if (pk == null || sk == null) {
      throw new IllegalArgumentException("a change without its key");
    }
    if (removed) {
      return new Change.Removed(pk, sk);
    }
    return new Change.Located(pk, sk, version, expiresAt, data, dataAt, dataLength);
  }

  /** The length of the string literal starting with the quote at {@code at}, quotes included. */
  private static int literalLength(byte[] bytes, int at) {
    if (bytes[at] != '"') {
      throw new IllegalArgumentException("no string literal at " + at);
    }
    int i = at + 1;
    while (bytes[i] != '"') {
      i += bytes[i] == '\\' ? 2 : 1;
    }
    return i + 1 - at;
  }

  private void begin() {
    if (changes++ > 0) {
      add((byte) ',');
    }
  }

  private void addString(String text) {
    add((byte) '"');
    add(ESCAPE.quoteAsUTF8(text));
    add((byte) '"');
  }

  private void add(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) ascii.charAt(i);
    }
  }

  private void add(byte[] more) {
    ensure(more.length);
    System.arraycopy(more, 0, bytes, size, more.length);
    size += more.length;
  }

  private void add(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  private static byte[] crcDigits(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return HexFormat.of().toHexDigits((int) crc.getValue()).getBytes(StandardCharsets.US_ASCII);
  }
}
