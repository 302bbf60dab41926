package dev.userpool.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.delivery.Outbox;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /_local/messages[?userPoolId=..&username=..]}: the outbox, oldest first, as
 * {@code {"messages":[{userPoolId, username, deliveryMedium, destination, attributeName, triggerSource, subject,
 * message, code, clientMetadata, timestamp}]}} ({@code timestamp} in ISO-8601); {@code DELETE /_local/messages}
 * empties it.
 */
final class OutboxEndpoint {
  static final String PATH = "/_local/messages";

  private OutboxEndpoint() {}

  static ApiResponse handle(Outbox outbox, String method, String rawQuery) {
    if (method.equals("DELETE")) {
      outbox.clear();
      return ApiResponse.json(200, "{}", Map.of());
    }
    Map<String, String> query = query(rawQuery);
    ArrayNode list = Json.array();
    for (OutgoingMessage m : outbox.messages(query.get("userPoolId"), query.get("username"))) {
      ObjectNode o = list.addObject();
      o.put("userPoolId", m.userPoolId());
      o.put("username", m.username());
      o.put("deliveryMedium", m.medium().name());
      o.put("destination", m.destination());
      o.put("attributeName", m.attributeName());
      o.put("triggerSource", m.triggerSource());
      o.put("subject", m.subject());
      o.put("message", m.body());
      o.put("code", m.code());
      o.set("clientMetadata", Json.tree(m.clientMetadata()));
      o.put("timestamp", m.timestamp().toString());
    }
    ObjectNode body = Json.object();
    body.set("messages", list);
    return ApiResponse.json(200, Json.write(body), Map.of());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }
}
