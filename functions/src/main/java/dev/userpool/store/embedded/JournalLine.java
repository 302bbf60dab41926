package dev.userpool.store.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.store.table.Item;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The on-disk form of one atomic batch: {@code <crc32 as 8 hex digits> <JSON array of changes>\n}.
 * JSON never contains a raw newline, so a line is a batch; the checksum tells a torn or damaged
 * line from a whole one.
 */
final class JournalLine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CRC_DIGITS = 8;

  private JournalLine() {}

  static byte[] encode(List<Change> changes) {
    ArrayNode array = JSON.createArrayNode();
    for (Change change : changes) {
      ObjectNode node = array.addObject();
      if (change instanceof Change.Stored stored) {
        Item item = stored.item();
        node.put("pk", item.pk()).put("sk", item.sk()).put("version", item.version());
        node.put("expiresAt", item.expiresAt()).put("data", item.data());
      } else if (change instanceof Change.Removed removed) {
        node.put("pk", removed.pk()).put("sk", removed.sk()).put("removed", true);
      } else {
        node.put("cleared", true);
      }
    }
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode journal line", e);
    }
    byte[] line = new byte[CRC_DIGITS + 1 + json.length + 1];
    System.arraycopy(crcDigits(json, 0, json.length), 0, line, 0, CRC_DIGITS);
    line[CRC_DIGITS] = ' ';
    System.arraycopy(json, 0, line, CRC_DIGITS + 1, json.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /**
   * The changes of the line at {@code bytes[from, to)} (without its newline), or empty if it is
   * damaged.
   */
  static Optional<List<Change>> decode(byte[] bytes, int from, int to) {
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
    try {
      List<Change> changes = new ArrayList<>();
      for (JsonNode node : JSON.readTree(bytes, jsonFrom, to - jsonFrom)) {
        changes.add(change(node));
      }
      return Optional.of(changes);
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code bytes[from, to)} could be a line whose write a crash cut short: a beginning of
   * what {@link #encode} writes ({@code <lowercase hex digits> [<JSON...>}), or only zero bytes
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

  private static Change change(JsonNode node) {
    if (node.path("cleared").asBoolean()) {
      return new Change.Cleared();
    }
    String pk = node.get("pk").textValue();
    String sk = node.get("sk").textValue();
    if (node.path("removed").asBoolean()) {
      return new Change.Removed(pk, sk);
    }
    JsonNode expiresAt = node.path("expiresAt");
    return new Change.Stored(
        new Item(
            pk,
            sk,
            node.get("version").longValue(),
            expiresAt.isNumber() ? expiresAt.longValue() : null,
            node.path("data").textValue()));
  }

  private static byte[] crcDigits(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return HexFormat.of().toHexDigits((int) crc.getValue()).getBytes(StandardCharsets.US_ASCII);
  }
}
