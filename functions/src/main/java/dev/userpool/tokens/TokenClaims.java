package dev.userpool.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims of Cognito's ID and access tokens for API sign-in (sources §6.3, §6.4), in the order
 * real tokens show them. Pre Token Generation overrides are applied by the caller to the returned
 * object before signing.
 */
public final class TokenClaims {
  private static final Set<String> BOOLEAN_ATTRIBUTES =
      Set.of("email_verified", "phone_number_verified");

  private TokenClaims() {}

  /**
   * ID token: sub, cognito:groups / cognito:preferred_role / cognito:roles (when any), iss,
   * cognito:username, origin_jti, aud (the client id, a string), event_id, token_use "id",
   * auth_time, exp, iat, jti, then every attribute the client may read that has a value.
   */
  public static ObjectNode idToken(TokenGrant g, String jti, Duration validity) {
    ObjectNode c = Json.object();
    c.put("sub", g.user().sub());
    groups(c, g.groups());
    if (g.preferredRole() != null) {
      c.put("cognito:preferred_role", g.preferredRole());
    }
    if (!g.roles().isEmpty()) {
      ArrayNode roles = c.putArray("cognito:roles");
      g.roles().forEach(roles::add);
    }
    c.put("iss", g.issuer());
    c.put("cognito:username", g.user().username());
    c.put("origin_jti", g.originJti());
    c.put("aud", g.client().clientId());
    c.put("event_id", g.eventId());
    c.put("token_use", TokenUse.ID.claim());
    times(c, g, validity);
    c.put("jti", jti);
    List<String> readable = readAttributes(g.client().settings());
    for (Map.Entry<String, String> a : g.user().attributes().entrySet()) {
      String name = a.getKey();
      if (name.equals("sub") || a.getValue() == null || c.has(name)) {
        continue;
      }
      if (readable.isEmpty() || readable.contains(name)) {
        c.set(name, attribute(name, a.getValue()));
      }
    }
    return c;
  }

  /**
   * Access token: sub, cognito:groups (when any), iss, client_id (no aud), origin_jti, event_id,
   * token_use "access", scope (space-separated), auth_time, exp, iat, jti, username, device_key
   * (when a device is known).
   */
  public static ObjectNode accessToken(TokenGrant g, String jti, Duration validity) {
    ObjectNode c = Json.object();
    c.put("sub", g.user().sub());
    groups(c, g.groups());
    c.put("iss", g.issuer());
    c.put("client_id", g.client().clientId());
    c.put("origin_jti", g.originJti());
    c.put("event_id", g.eventId());
    c.put("token_use", TokenUse.ACCESS.claim());
    if (!g.scopes().isEmpty()) {
      c.put("scope", String.join(" ", g.scopes()));
    }
    times(c, g, validity);
    c.put("jti", jti);
    c.put("username", g.user().username());
    if (g.deviceKey() != null) {
      c.put("device_key", g.deviceKey());
    }
    return c;
  }

  private static void groups(ObjectNode c, List<String> groups) {
    if (!groups.isEmpty()) {
      ArrayNode array = c.putArray("cognito:groups");
      groups.forEach(array::add);
    }
  }

  private static void times(ObjectNode c, TokenGrant g, Duration validity) {
    long iat = g.issuedAt().getEpochSecond();
    c.put("auth_time", g.authTime().getEpochSecond());
    c.put("exp", iat + validity.toSeconds());
    c.put("iat", iat);
  }

  /**
   * The client's ReadAttributes; empty means every attribute (a client without the setting reads
   * all).
   */
  private static List<String> readAttributes(Map<String, Object> settings) {
    if (settings.get("ReadAttributes") instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /**
   * Attribute values are stored as strings; in the token the verified flags are JSON booleans,
   * updated_at a number, address an object with {@code formatted} (unconfirmed), identities the
   * JSON it holds, everything else (custom attributes included) a string.
   */
  static JsonNode attribute(String name, String value) {
    if (BOOLEAN_ATTRIBUTES.contains(name)) {
      return Json.nodes().booleanNode("true".equalsIgnoreCase(value));
    }
    if (name.equals("updated_at") && value.matches("\\d{1,18}")) {
      return Json.nodes().numberNode(Long.parseLong(value));
    }
    if (name.equals("address")) {
      ObjectNode address = Json.object();
      address.put("formatted", value);
      return address;
    }
    if (name.equals("identities")) {
      try {
        return identitiesClaim(Json.mapper().readTree(value));
      } catch (java.io.IOException e) {
        return Json.nodes().textNode(value);
      }
    }
    return Json.nodes().textNode(value);
  }

  /**
   * The attribute stores {@code primary} and {@code dateCreated} as JSON boolean and number; the ID
   * token carries them as strings ({@code "primary":"true","dateCreated":"1682704282933"}, seen in
   * real tokens), issuer null stays null.
   */
  private static JsonNode identitiesClaim(JsonNode identities) {
    if (!identities.isArray()) {
      return identities;
    }
    for (JsonNode identity : identities) {
      if (identity instanceof ObjectNode o) {
        o.properties()
            .forEach(
                e -> {
                  if (e.getValue().isBoolean() || e.getValue().isNumber()) {
                    e.setValue(Json.nodes().textNode(e.getValue().asText()));
                  }
                });
      }
    }
    return identities;
  }
}
