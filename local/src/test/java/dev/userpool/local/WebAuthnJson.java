package dev.userpool.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * The passkey ITs' JSON: WebAuthn options and responses between Jackson trees and SDK Documents.
 */
final class WebAuthnJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebAuthnJson() {}

  static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Document (the SDK's JSON value) as a Jackson tree. */
  static JsonNode json(Document document) {
    if (document.isMap()) {
      ObjectNode o = JSON.createObjectNode();
      document.asMap().forEach((k, v) -> o.set(k, json(v)));
      return o;
    }
    if (document.isList()) {
      ArrayNode a = JSON.createArrayNode();
      document.asList().forEach(v -> a.add(json(v)));
      return a;
    }
    if (document.isString()) {
      return JSON.getNodeFactory().textNode(document.asString());
    }
    if (document.isNumber()) {
      return JSON.getNodeFactory().numberNode(document.asNumber().bigDecimalValue());
    }
    if (document.isBoolean()) {
      return JSON.getNodeFactory().booleanNode(document.asBoolean());
    }
    return JSON.getNodeFactory().nullNode();
  }

  /** A Jackson tree as a Document, for the Credential member. */
  static Document document(JsonNode node) {
    if (node.isObject()) {
      Map<String, Document> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), document(e.getValue())));
      return Document.fromMap(map);
    }
    if (node.isArray()) {
      List<Document> list = new ArrayList<>();
      node.forEach(v -> list.add(document(v)));
      return Document.fromList(list);
    }
    if (node.isNumber()) {
      return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
    }
    if (node.isBoolean()) {
      return Document.fromBoolean(node.asBoolean());
    }
    if (node.isNull()) {
      return Document.fromNull();
    }
    return Document.fromString(node.asText());
  }
}
