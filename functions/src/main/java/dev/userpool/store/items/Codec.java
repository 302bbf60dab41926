package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.ClientSecret;
import dev.userpool.domain.Group;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored JSON form of each record, written field by field (no reflection, stable across
 * refactors). The version is not part of the document: it lives on the item.
 */
final class Codec {
  private Codec() {}

  static String pool(UserPool p) {
    ObjectNode o = Json.object();
    o.put("id", p.id());
    o.put("name", p.name());
    o.put("arn", p.arn());
    o.put("created", p.creationDate().toEpochMilli());
    o.put("modified", p.lastModifiedDate().toEpochMilli());
    o.set("settings", Json.tree(p.settings()));
    o.set("tags", Json.tree(p.tags()));
    return Json.write(o);
  }

  static UserPool pool(String data, long version) {
    JsonNode o = Json.read(data);
    return new UserPool(
        o.get("id").asText(),
        o.get("name").asText(),
        o.get("arn").asText(),
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("modified").asLong()),
        Json.toMap(o.get("settings")),
        stringMap(o.get("tags")),
        version);
  }

  static String client(AppClient c) {
    ObjectNode o = Json.object();
    o.put("poolId", c.userPoolId());
    o.put("clientId", c.clientId());
    o.put("name", c.clientName());
    if (c.clientSecret() != null) {
      o.put("secret", c.clientSecret());
    }
    if (c.hasSecret()) {
      ArrayNode secrets = o.putArray("secrets");
      for (ClientSecret s : c.secrets()) {
        secrets
            .addObject()
            .put("id", s.id())
            .put("value", s.value())
            .put("created", s.createdAt().toEpochMilli());
      }
    }
    o.put("created", c.creationDate().toEpochMilli());
    o.put("modified", c.lastModifiedDate().toEpochMilli());
    o.set("settings", Json.tree(c.settings()));
    return Json.write(o);
  }

  static AppClient client(String data, long version) {
    JsonNode o = Json.read(data);
    return new AppClient(
        o.get("poolId").asText(),
        o.get("clientId").asText(),
        o.get("name").asText(),
        o.hasNonNull("secret") ? o.get("secret").asText() : null,
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("modified").asLong()),
        Json.toMap(o.get("settings")),
        version,
        clientSecrets(o.get("secrets")));
  }

  /**
   * The secrets list; null for items written before clients could hold two (their one secret is
   * "secret").
   */
  private static List<ClientSecret> clientSecrets(JsonNode secrets) {
    if (secrets == null || !secrets.isArray()) {
      return null;
    }
    List<ClientSecret> out = new ArrayList<>();
    for (JsonNode s : secrets) {
      out.add(
          new ClientSecret(
              s.get("id").asText(),
              s.get("value").asText(),
              Instant.ofEpochMilli(s.get("created").asLong())));
    }
    return out;
  }

  static String user(User u) {
    return Json.write(userNode(u));
  }

  static ObjectNode userNode(User u) {
    ObjectNode o = Json.object();
    o.put("poolId", u.userPoolId());
    o.put("username", u.username());
    o.put("sub", u.sub());
    o.set("attributes", Json.tree(u.attributes()));
    o.put("enabled", u.enabled());
    o.put("status", u.status().name());
    o.put("created", u.creationDate().toEpochMilli());
    o.put("modified", u.lastModifiedDate().toEpochMilli());
    if (u.password() != null) {
      ObjectNode p = o.putObject("password");
      p.put("salt", u.password().saltHex());
      p.put("verifier", u.password().verifierHex());
      p.put("setAt", u.password().setAt().toEpochMilli());
      if (u.password().temporaryUntil() != null) {
        p.put("temporaryUntil", u.password().temporaryUntil().toEpochMilli());
      }
    }
    o.set("extensions", Json.tree(u.extensions()));
    return o;
  }

  static User user(String data, long version) {
    return user(Json.read(data), version);
  }

  static User user(JsonNode o, long version) {
    PasswordVerifier password = null;
    if (o.hasNonNull("password")) {
      JsonNode p = o.get("password");
      password =
          new PasswordVerifier(
              p.get("salt").asText(),
              p.get("verifier").asText(),
              Instant.ofEpochMilli(p.get("setAt").asLong()),
              p.hasNonNull("temporaryUntil")
                  ? Instant.ofEpochMilli(p.get("temporaryUntil").asLong())
                  : null);
    }
    return new User(
        o.get("poolId").asText(),
        o.get("username").asText(),
        o.get("sub").asText(),
        stringMap(o.get("attributes")),
        o.get("enabled").asBoolean(),
        UserStatus.valueOf(o.get("status").asText()),
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("modified").asLong()),
        password,
        o.hasNonNull("extensions") ? frozenMap(Json.toMap(o.get("extensions"))) : Map.of(),
        version);
  }

  /**
   * The extensions tree with every nested map and list unmodifiable: decoded users are shared by
   * concurrent readers ({@link DecodedItems}), so a change must build new maps, never edit these.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> frozenMap(Map<String, Object> tree) {
    return (Map<String, Object>) frozen(tree);
  }

  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, frozen(v)));
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(frozen(v)));
      return Collections.unmodifiableList(out);
    }
    return value;
  }

  static String group(Group g) {
    ObjectNode o = Json.object();
    o.put("poolId", g.userPoolId());
    o.put("name", g.name());
    if (g.description() != null) {
      o.put("description", g.description());
    }
    if (g.roleArn() != null) {
      o.put("roleArn", g.roleArn());
    }
    if (g.precedence() != null) {
      o.put("precedence", g.precedence());
    }
    o.put("created", g.creationDate().toEpochMilli());
    o.put("modified", g.lastModifiedDate().toEpochMilli());
    return Json.write(o);
  }

  static Group group(String data, long version) {
    JsonNode o = Json.read(data);
    return new Group(
        o.get("poolId").asText(),
        o.get("name").asText(),
        o.hasNonNull("description") ? o.get("description").asText() : null,
        o.hasNonNull("roleArn") ? o.get("roleArn").asText() : null,
        o.hasNonNull("precedence") ? o.get("precedence").intValue() : null,
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("modified").asLong()),
        version);
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
