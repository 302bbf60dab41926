package dev.userpool.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming tree codec against the databind mapper it replaces on the request path: the same
 * trees (node types and decimal scales), the same text, the same plain values.
 */
class JsonTreesTest {
  private static final ObjectMapper DATABIND =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "{\"a\":1,\"b\":-5,\"c\":2147483648,\"d\":-9223372036854775809,\"e\":12345678901234567890}",
        "{\"f\":1.50,\"g\":0.0,\"h\":1e3,\"i\":1E+2,\"j\":-0.000100,\"k\":3.14159265358979323846264}",
        "{\"s\":\"caf\\u00e9 \\\"q\\\" \\\\ \\n \\t \\u2028 😀\",\"t\":true,\"u\":false,\"v\":null}",
        "{\"nested\":{\"list\":[1,\"two\",[3.0,{\"x\":[]}],null,{}]},\"empty\":\"\"}",
        "{\"dup\":1,\"dup\":2}",
        "  {\"a\" : [ 1 , 2 ] }  ",
        "\"just text\"",
        "42",
        "{\"UserPoolId\":\"us-east-1_abc\",\"Limit\":60,\"Filter\":\"email ^= \\\"a\\\"\"}"
      })
  void readsAndWritesAsTheMapperDoes(String text) throws IOException {
    JsonNode expected = DATABIND.readTree(text);
    JsonNode actual = Json.parse(text, false);
    assertEquals(expected, actual);
    assertEquals(types(expected), types(actual));
    assertEquals(DATABIND.writeValueAsString(expected), Json.write(actual));
    assertEquals(DATABIND.convertValue(expected, Object.class), Json.plain(actual));
    assertEquals(expected, Json.tree(DATABIND.convertValue(expected, Object.class)));
  }

  @Test
  void plainValuesBecomeTheMappersTrees() throws IOException {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("int", 7);
    value.put("long", 1L << 40);
    value.put("big", new BigInteger("123456789012345678901234567890"));
    value.put("decimal", new BigDecimal("2.500"));
    value.put("list", List.of("a", true, Map.of("k", "v")));
    value.put("null", null);
    JsonNode expected = DATABIND.valueToTree(value);
    assertEquals(expected, Json.tree(value));
    assertEquals(types(expected), types(Json.tree(value)));
    assertEquals(DATABIND.writeValueAsString(value), Json.write(value));
  }

  @Test
  void emptyTextIsNoTreeAndBrokenTextFails() throws IOException {
    assertNull(Json.parse("", false));
    assertNull(Json.parse("   ", false));
    assertThrows(IOException.class, () -> Json.parse("{\"a\":", false));
    assertThrows(IOException.class, () -> Json.parse("{a:1}", false));
    assertThrows(IOException.class, () -> Json.parse("{\"a\":1,\"a\":2}", true));
  }

  /** Node types all the way down: equal trees may still differ in IntNode vs LongNode. */
  private static String types(JsonNode node) {
    StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
    if (node.isContainerNode()) {
      out.append('[');
      node.forEach(child -> out.append(types(child)).append(','));
      out.append(']');
    }
    return out.toString();
  }
}
