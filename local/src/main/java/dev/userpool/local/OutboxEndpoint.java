package dev.userpool.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.delivery.Outbox;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /_local/messages[?userPoolId=..&username=..]}: the outbox, oldest first, as {@code
 * {"messages":[{userPoolId, username, deliveryMedium, destination, attributeName, triggerSource,
 * subject, message, code, clientMetadata, timestamp}], "total": N, "kept": K, "capacity": C}}
 * ({@code timestamp} in ISO-8601; {@code total} counts every message since the outbox was last
 * emptied, of which the newest {@code kept}, at most {@code capacity}, are still held); {@code
 * DELETE /_local/messages} empties it.
 *
 * <p>{@code username} is the name the caller used: the username a message was filed under, the
 * destination it went to (an email address or phone number), or any name the pool resolves to that
 * user (an alias, a username attribute, preferred_username, the sub), so that in a pool whose
 * usernames are emails the email finds them.
 */
final class OutboxEndpoint {
  static final String PATH = "/_local/messages";

  /** The username {@code name} designates in pool {@code userPoolId}, if any user. */
  @FunctionalInterface
  interface UserNames {
    Optional<String> usernameOf(String userPoolId, String name);
  }

  private OutboxEndpoint() {}

  static ApiResponse handle(Outbox outbox, String method, String rawQuery, UserNames names) {
    if (method.equals("DELETE")) {
      outbox.clear();
      return ApiResponse.json(200, "{}", Map.of());
    }
    Map<String, String> query = query(rawQuery);
    String poolId = query.get("userPoolId");
    String username = query.get("username");
    Outbox.Contents contents = outbox.contents();
    Map<String, Optional<String>> resolved =
        new HashMap<>(); // one lookup per pool, not per message
    ArrayNode list = Json.array();
    for (OutgoingMessage m : contents.messages()) {
      if (poolId != null && !poolId.equals(m.userPoolId())) {
        continue;
      }
      if (username != null
          && !username.equals(m.username())
          && !username.equalsIgnoreCase(m.destination())
          && !resolved
              .computeIfAbsent(m.userPoolId(), pool -> names.usernameOf(pool, username))
              .filter(m.username()::equals)
              .isPresent()) {
        continue;
      }
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
    body.put("total", contents.received());
    body.put("kept", contents.messages().size());
    body.put("capacity", contents.capacity());
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
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }
}
