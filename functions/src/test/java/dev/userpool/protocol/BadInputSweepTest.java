package dev.userpool.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.validation.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sends bad input to every one of the 122 operations: an empty body, a member of the wrong JSON
 * type, and a string one character over its maximum. Each must answer 400 with a Cognito-shaped
 * error and leave the store unchanged.
 */
class BadInputSweepTest {
  private static final ServiceModel MODEL = ServiceModel.load();
  private static EmbeddedItemTable table;
  private static CognitoProtocol protocol;

  @BeforeAll
  static void wire() {
    table = EmbeddedItemTable.inMemory(Clock.systemUTC());
    protocol =
        new Wiring(AppConfig.inMemory(), Clock.systemUTC(), table, RequestAuthenticator.ACCEPT_ALL)
            .protocol();
    // Some state to protect: a rejected request must leave it exactly as it is.
    ApiResponse pool = call("CreateUserPool", "{\"PoolName\":\"sweep\"}");
    assertEquals(200, pool.status(), pool.bodyText());
    String poolId = json(pool).get("UserPool").get("Id").asText();
    assertEquals(
        200,
        call(
                "AdminCreateUser",
                "{\"UserPoolId\":\""
                    + poolId
                    + "\",\"Username\":\"alice\",\"MessageAction\":\"SUPPRESS\"}")
            .status());
    assertTrue(table.dump().contains("USER#"));
  }

  static Stream<String> operations() {
    return MODEL.operationNames().stream();
  }

  @ParameterizedTest
  @MethodSource("operations")
  void whenBodyIsEmptyThenCognitoShaped400(String operation) {
    String before = table.dump();
    ApiResponse response = call(operation, "");
    if (!MODEL.shape(MODEL.operation(operation).inputShape()).required().isEmpty()) {
      assertError(response, "InvalidParameterException");
      assertTrue(json(response).get("message").asText().contains("Member must not be null"));
    } else {
      assertNotEquals(500, response.status(), operation + " answered 500");
    }
    assertEquals(before, table.dump(), "state changed");
  }

  @ParameterizedTest
  @MethodSource("operations")
  void whenAMemberHasTheWrongTypeThenSerializationException(String operation) {
    ServiceModel.Shape input = MODEL.shape(MODEL.operation(operation).inputShape());
    Optional<Map.Entry<String, String>> member = input.members().entrySet().stream().findFirst();
    if (member.isEmpty()) {
      return; // no members (none of the 122 operations)
    }
    String before = table.dump();
    String type = MODEL.shape(member.get().getValue()).type();
    String wrong = type.equals("string") ? "{\"x\":1}" : "\"not-" + type + "\"";
    ApiResponse response = call(operation, "{\"" + member.get().getKey() + "\":" + wrong + "}");
    assertError(response, "SerializationException");
    assertEquals(before, table.dump(), "state changed");
  }

  @ParameterizedTest
  @MethodSource("operations")
  void whenAStringIsOneOverItsMaximumThenInvalidParameterException(String operation) {
    ServiceModel.Shape input = MODEL.shape(MODEL.operation(operation).inputShape());
    List<String> bounded = new ArrayList<>();
    input
        .members()
        .forEach(
            (name, shape) -> {
              ServiceModel.Shape s = MODEL.shape(shape);
              if (s.type().equals("string") && s.max() != null && s.enumValues() == null) {
                bounded.add(name);
              }
            });
    if (bounded.isEmpty()) {
      return;
    }
    String before = table.dump();
    ObjectNode body = Json.object();
    String name = bounded.get(0);
    body.put(name, "a".repeat((int) (MODEL.shape(input.members().get(name)).max() + 1)));
    ApiResponse response = call(operation, Json.write(body));
    assertError(response, "InvalidParameterException");
    assertTrue(
        json(response)
            .get("message")
            .asText()
            .contains("Member must have length less than or equal to"),
        json(response).toString());
    assertEquals(before, table.dump(), "state changed");
  }

  @ParameterizedTest
  @MethodSource("operations")
  void whenTheBodyIsNotJsonThenSerializationException(String operation) {
    assertError(call(operation, "{not json"), "SerializationException");
  }

  private static ApiResponse call(String operation, String body) {
    ApiRequest request =
        new ApiRequest(
            "POST",
            "/",
            Map.of(
                "X-Amz-Target",
                CognitoProtocol.TARGET_PREFIX + operation,
                "Content-Type",
                CognitoProtocol.CONTENT_TYPE),
            body.getBytes(StandardCharsets.UTF_8),
            "127.0.0.1");
    return protocol.handle(request).response();
  }

  private static void assertError(ApiResponse response, String type) {
    assertEquals(400, response.status(), response.bodyText());
    assertEquals(type, json(response).get("__type").asText(), response.bodyText());
    assertEquals(type + ":", response.headers().get("x-amzn-ErrorType"));
  }

  private static JsonNode json(ApiResponse response) {
    return Json.read(response.bodyText());
  }
}
