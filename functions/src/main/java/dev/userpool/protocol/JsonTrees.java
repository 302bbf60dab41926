package dev.userpool.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text ↔ Jackson trees with jackson-core's streaming parser and generator only, giving the
 * same trees and text as {@code ObjectMapper.readTree}/{@code writeValueAsString} with {@code
 * USE_BIG_DECIMAL_FOR_FLOATS}. Why not the ObjectMapper: building one and its first tree costs
 * about 0.25 s of CPU in a fresh JVM (several hundred databind classes), which every Lambda cold
 * start would pay although requests and stored items are only ever trees; the mapper stays for the
 * rare binding of other types ({@link Json#mapper()}).
 */
final class JsonTrees {
  static final JsonFactory FACTORY = new JsonFactory();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The tree of {@code parser}'s next value; null at the end of the input (empty text). */
  static JsonNode read(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    return first == null ? null : value(parser, first);
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return decimal(parser.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  /** As databind's node reader stores decimals: without trailing zeros (its default factory). */
  static JsonNode decimal(BigDecimal value) {
    BigDecimal stripped;
    try {
      stripped = value.stripTrailingZeros();
    } catch (ArithmeticException e) {
      stripped = value;
    }
    return NODES.numberNode(stripped);
  }

  static String write(JsonNode node) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, node);
    } catch (IOException e) {
      throw new IllegalStateException("unserializable value", e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          g.writeFieldName(field.getKey());
          write(g, field.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(g, element);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case NUMBER -> writeNumber(g, node);
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL -> g.writeNull();
      default -> g.writeRawValue(Json.mapper().writeValueAsString(node)); // POJO, binary: rare
    }
  }

  private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT -> g.writeNumber(node.intValue());
      case LONG -> g.writeNumber(node.longValue());
      case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
      case FLOAT -> g.writeNumber(node.floatValue());
      case DOUBLE -> g.writeNumber(node.doubleValue());
      default -> g.writeNumber(node.decimalValue());
    }
  }

  /**
   * The tree of a plain value: maps, lists, strings, numbers, booleans, null and trees, as {@code
   * valueToTree} gives them; anything else goes through the mapper.
   */
  static JsonNode tree(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node.deepCopy();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).intValue());
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigInteger number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number); // valueToTree keeps the scale
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        object.set(String.valueOf(e.getKey()), tree(e.getValue()));
      }
      return object;
    }
    if (value instanceof Iterable<?> items) {
      ArrayNode array = NODES.arrayNode();
      for (Object item : items) {
        array.add(tree(item));
      }
      return array;
    }
    return Json.mapper().valueToTree(value);
  }

  /**
   * The plain value of a tree, as {@code convertValue(node, Object.class)} gives it: objects as
   * LinkedHashMap, arrays as ArrayList, decimals as BigDecimal.
   */
  static Object plain(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        node.forEach(element -> list.add(plain(element)));
        return list;
      case STRING:
        return node.textValue();
      case NUMBER:
        return switch (node.numberType()) {
          case INT -> node.intValue();
          case LONG -> node.longValue();
          case BIG_INTEGER -> node.bigIntegerValue();
          default -> node.decimalValue();
        };
      case BOOLEAN:
        return node.booleanValue();
      case NULL:
      case MISSING:
        return null;
      default:
        return Json.mapper().convertValue(node, Object.class);
    }
  }
}
