package dev.userpool.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON conversions every layer needs. Trees are read and written with the streaming parser
 * ({@link JsonTrees}); the databind mapper is built only when something binds other types.
 */
public final class Json {
  private Json() {}

  /** The mapper for binding beyond trees, built on first use (it is costly to start). */
  public static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static final class Mapper {
    static final ObjectMapper INSTANCE =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  public static JsonNodeFactory nodes() {
    return JsonTrees.NODES;
  }

  public static ObjectNode object() {
    return JsonTrees.NODES.objectNode();
  }

  public static ArrayNode array() {
    return JsonTrees.NODES.arrayNode();
  }

  /**
   * Cognito timestamps: epoch seconds with a millisecond fraction, as a JSON number (sources §1.2).
   */
  public static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  public static JsonNode tree(Object value) {
    return JsonTrees.tree(value);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(JsonNode node) {
    return node == null || node.isNull() ? null : (Map<String, Object>) JsonTrees.plain(node);
  }

  /** The plain Java value of a tree: maps, lists, strings, numbers, booleans, null. */
  public static Object plain(JsonNode node) {
    return JsonTrees.plain(node);
  }

  public static String write(Object value) {
    return JsonTrees.write(value instanceof JsonNode node ? node : tree(value));
  }

  /** Stored JSON, known to be well formed. */
  public static JsonNode read(String text) {
    try {
      return parse(text, false);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable stored JSON", e);
    }
  }

  /**
   * Untrusted JSON text: its tree, or null for empty text; trailing content after the value is
   * ignored, as by {@code ObjectMapper.readTree}. {@code strictDuplicates} refuses repeated names.
   */
  public static JsonNode parse(String text, boolean strictDuplicates) throws IOException {
    try (JsonParser parser = JsonTrees.FACTORY.createParser(text)) {
      return read(parser, strictDuplicates);
    }
  }

  public static JsonNode parse(byte[] bytes) throws IOException {
    return parse(bytes, false);
  }

  public static JsonNode parse(byte[] bytes, boolean strictDuplicates) throws IOException {
    try (JsonParser parser = JsonTrees.FACTORY.createParser(bytes)) {
      return read(parser, strictDuplicates);
    }
  }

  public static JsonNode parse(InputStream in) throws IOException {
    try (JsonParser parser = JsonTrees.FACTORY.createParser(in)) {
      return read(parser, false);
    }
  }

  private static JsonNode read(JsonParser parser, boolean strictDuplicates) throws IOException {
    if (strictDuplicates) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
    return JsonTrees.read(parser);
  }
}
