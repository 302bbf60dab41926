package dev.userpool.oauth.federation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code user} member Apple adds to its form_post answer the first time a person authorizes the
 * app, and never again: JSON such as {@code {"name":{"firstName":"Jane","lastName":"Doe"},
 * "email":"jane@example.com"}} (Apple's "Incorporating Sign in with Apple into other platforms").
 * The name is nowhere else (not in the ID token, and Apple has no userinfo endpoint), so it becomes
 * the provider attributes {@code firstName}, {@code lastName} and {@code name} (both joined) that
 * an AttributeMapping can pick. Its email is ignored: the field is not signed, and the ID token
 * carries the email Apple vouches for.
 */
final class AppleUserField {
  private AppleUserField() {}

  /** The name attributes in {@code user}; empty when absent or not the JSON Apple sends. */
  static Map<String, String> attributes(String user) {
    Map<String, String> out = new LinkedHashMap<>();
    if (user == null || user.isBlank()) {
      return out;
    }
    JsonNode name;
    try {
      name = Json.read(user).path("name");
    } catch (RuntimeException e) {
      return out;
    }
    String first = text(name, "firstName");
    String last = text(name, "lastName");
    if (first != null) {
      out.put("firstName", first);
    }
    if (last != null) {
      out.put("lastName", last);
    }
    String full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    if (!full.isEmpty()) {
      out.put("name", full);
    }
    return out;
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.path(member);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
