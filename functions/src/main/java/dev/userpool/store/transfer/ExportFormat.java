package dev.userpool.store.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import dev.userpool.store.table.Item;
import java.time.Instant;
import java.util.Set;

/**
 * The export file: one JSON object per line. The first line is the header (format name and
 * version), the last the trailer (the item count), every line between one item. The trailer lets an
 * import tell a whole file from one cut short by a full disk or an interrupted copy.
 *
 * <pre>
 * {"format":"userpool-store","version":1,"exportedAt":"2026-12-03T22:00:00Z","note":"..."}
 * {"pk":"POOLS","sk":"POOL#us-east-1_abc","version":3,"data":"{...}"}
 * {"pk":"POOL#us-east-1_abc","sk":"USER#...","version":1,"secret":true,"data":"{...}"}
 * {"end":true,"items":2}
 * </pre>
 *
 * <p>{@code data} stays the stored JSON text, byte for byte, so nothing is reinterpreted on the way
 * through.
 */
public final class ExportFormat {
  public static final String FORMAT = "userpool-store";
  public static final int VERSION = 1;

  /**
   * Item kinds that hold no secret material. Everything else is marked {@code "secret":true}: users
   * (password and device verifiers, MFA settings), app clients (client secrets), signing keys,
   * deployment keys, codes, sessions and anything a later version adds. Marking by exclusion errs
   * on the side of a warning.
   */
  private static final Set<String> PLAIN_SORT_KEY_PREFIXES =
      Set.of("POOL#", "GROUP#", "MEMBER#", "USERGROUP#", "REVOKED#");

  private ExportFormat() {}

  static ObjectNode header(Instant exportedAt) {
    ObjectNode header = Json.object();
    header.put("format", FORMAT);
    header.put("version", VERSION);
    header.put("exportedAt", exportedAt.toString());
    header.put(
        "note",
        "Lines marked \"secret\":true hold password verifiers, client secrets or private keys:"
            + " keep this file as safe as the store itself.");
    return header;
  }

  static ObjectNode trailer(long items) {
    ObjectNode trailer = Json.object();
    trailer.put("end", true);
    trailer.put("items", items);
    return trailer;
  }

  static ObjectNode line(Item item) {
    ObjectNode line = Json.object();
    line.put("pk", item.pk());
    line.put("sk", item.sk());
    line.put("version", item.version());
    if (item.expiresAt() != null) {
      line.put("expiresAt", item.expiresAt());
    }
    if (isSecret(item)) {
      line.put("secret", true);
    }
    line.put("data", item.data());
    return line;
  }

  /**
   * The item on an item line; throws {@link IllegalArgumentException} saying what is wrong with the
   * line.
   */
  static Item item(JsonNode line) {
    String pk = text(line, "pk");
    String sk = text(line, "sk");
    String data = text(line, "data");
    JsonNode version = line.get("version");
    if (version != null && !version.canConvertToLong()) {
      throw new IllegalArgumentException("\"version\" is not a whole number");
    }
    JsonNode expiresAt = line.get("expiresAt");
    if (expiresAt != null && !expiresAt.canConvertToLong()) {
      throw new IllegalArgumentException("\"expiresAt\" is not a whole number");
    }
    try {
      Json.read(data);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("\"data\" is not a JSON document");
    }
    return new Item(
        pk,
        sk,
        version == null ? 0 : version.asLong(),
        expiresAt == null ? null : expiresAt.asLong(),
        data);
  }

  static boolean isSecret(Item item) {
    if (item.pk().equals("POOLS") || item.sk().equals("CLIENT")) {
      return false; // pools, and the pointers from a client id to its pool
    }
    for (String prefix : PLAIN_SORT_KEY_PREFIXES) {
      if (item.sk().startsWith(prefix)) {
        return false;
      }
    }
    // Unique keys (KEY#USERNAME#…) name users, not secrets; DEPLOYMENT's KEY# items are secret
    // keys.
    return !(item.sk().startsWith("KEY#") && item.pk().startsWith("POOL#"));
  }

  static boolean isDeploymentKey(Item item) {
    return item.pk().equals("DEPLOYMENT");
  }

  private static String text(JsonNode line, String field) {
    JsonNode value = line.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing or not a string");
    }
    return value.asText();
  }
}
