package dev.userpool.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a request body that has passed model validation, so member types are already known
 * to be right. A JSON null counts as absent, as it does for Cognito.
 */
public final class Input {
  private final ObjectNode body;

  public Input(ObjectNode body) {
    this.body = body;
  }

  public static Input of(ObjectNode body) {
    return new Input(body);
  }

  public ObjectNode body() {
    return body;
  }

  public boolean has(String member) {
    JsonNode node = body.get(member);
    return node != null && !node.isNull();
  }

  /** A member the model marks required (validation guarantees it is present). */
  public String string(String member) {
    return optString(member)
        .orElseThrow(() -> new IllegalStateException(member + " is not validated"));
  }

  public Optional<String> optString(String member) {
    return has(member) ? Optional.of(body.get(member).asText()) : Optional.empty();
  }

  public String stringOr(String member, String fallback) {
    return optString(member).orElse(fallback);
  }

  public Optional<Boolean> optBoolean(String member) {
    return has(member) ? Optional.of(body.get(member).booleanValue()) : Optional.empty();
  }

  public Optional<Integer> optInt(String member) {
    return has(member) ? Optional.of(body.get(member).intValue()) : Optional.empty();
  }

  public Optional<JsonNode> optNode(String member) {
    return has(member) ? Optional.of(body.get(member)) : Optional.empty();
  }

  public List<String> strings(String member) {
    List<String> out = new ArrayList<>();
    if (has(member)) {
      body.get(member).forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** A string-to-string map member such as ClientMetadata or UserPoolTags; empty when absent. */
  public Map<String, String> stringMap(String member) {
    Map<String, String> out = new LinkedHashMap<>();
    if (has(member)) {
      body.get(member).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** A list of AttributeType ({Name, Value}) as an ordered map; a missing Value counts as empty. */
  public Map<String, String> attributes(String member) {
    Map<String, String> out = new LinkedHashMap<>();
    if (has(member)) {
      for (JsonNode attribute : body.get(member)) {
        JsonNode value = attribute.get("Value");
        out.put(
            attribute.get("Name").asText(), value == null || value.isNull() ? "" : value.asText());
      }
    }
    return out;
  }
}
