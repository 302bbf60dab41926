package dev.userpool.oauth.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import java.time.Instant;

/**
 * The {@code identities} attribute of a federated or linked user: a JSON array with one object per
 * external identity, in the shape of AdminGetUser's sample response (userId, providerName,
 * providerType, issuer, primary, dateCreated in epoch milliseconds).
 */
public final class IdentitiesAttribute {
  public static final String NAME = "identities";

  private IdentitiesAttribute() {}

  /** {@code current} (null or a JSON array) with the identity added unless it is there already. */
  public static String with(
      String current,
      String providerName,
      String providerType,
      String userId,
      String issuer,
      boolean primary,
      Instant created) {
    ArrayNode array = parse(current);
    if (indexOf(array, providerName, userId) >= 0) {
      return Json.write(array);
    }
    ObjectNode o = array.addObject();
    o.put("userId", userId);
    o.put("providerName", providerName);
    o.put("providerType", providerType);
    if (issuer == null) {
      o.putNull("issuer");
    } else {
      o.put("issuer", issuer);
    }
    o.put("primary", primary);
    o.put("dateCreated", created.toEpochMilli());
    return Json.write(array);
  }

  /** {@code current} without the identity; null when none is left. */
  public static String without(String current, String providerName, String userId) {
    ArrayNode array = parse(current);
    int i = indexOf(array, providerName, userId);
    if (i >= 0) {
      array.remove(i);
    }
    return array.isEmpty() ? null : Json.write(array);
  }

  public static boolean contains(String current, String providerName, String userId) {
    return indexOf(parse(current), providerName, userId) >= 0;
  }

  /** Whether any identity of the attribute comes from {@code providerName}. */
  public static boolean hasProvider(String current, String providerName) {
    for (JsonNode o : parse(current)) {
      if (providerName.equals(o.path("providerName").asText())) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(ArrayNode array, String providerName, String userId) {
    for (int i = 0; i < array.size(); i++) {
      JsonNode o = array.get(i);
      if (providerName.equals(o.path("providerName").asText())
          && userId.equals(o.path("userId").asText())) {
        return i;
      }
    }
    return -1;
  }

  private static ArrayNode parse(String current) {
    if (current == null || current.isBlank()) {
      return Json.array();
    }
    try {
      JsonNode node = Json.mapper().readTree(current);
      return node instanceof ArrayNode array ? array : Json.array();
    } catch (java.io.IOException e) {
      return Json.array();
    }
  }
}
