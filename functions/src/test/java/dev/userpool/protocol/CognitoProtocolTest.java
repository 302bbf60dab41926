package dev.userpool.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.validation.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CognitoProtocolTest {
  private static final ServiceModel MODEL = ServiceModel.load();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-02T03:04:05.678Z"), ZoneOffset.UTC);

  private final CognitoProtocol protocol =
      new CognitoProtocol(
          OperationTable.builder(MODEL)
              .add(
                  "DescribeUserPool",
                  (in, ctx) -> {
                    ObjectNode out = Json.object();
                    out.put("Region", ctx.region());
                    out.put("When", Json.epochSeconds(ctx.now()));
                    return out;
                  })
              .add(
                  "GetUser",
                  (in, ctx) -> {
                    throw new IllegalStateException("secret internal detail");
                  })
              .build(),
          RequestAuthenticator.ACCEPT_ALL,
          CLOCK,
          "eu-west-1",
          "123456789012");

  @Test
  void whenModelHas122OperationsThenTheTableCoversThemAll() {
    assertEquals(122, MODEL.operationNames().size());
  }

  @Test
  void whenTargetIsMissingThenUnknownOperationException() {
    ApiResponse response = call(null, "{}", Map.of());
    assertEquals(400, response.status());
    assertEquals("UnknownOperationException", json(response).get("__type").asText());
    assertEquals("UnknownOperationException:", response.headers().get("x-amzn-ErrorType"));
  }

  @Test
  void whenTargetNamesNoCognitoOperationThenUnknownOperationException() {
    assertEquals(
        "UnknownOperationException",
        json(call("NoSuchThing", "{}", Map.of())).get("__type").asText());
  }

  @Test
  void whenOperationIsNotImplementedThenUnsupportedOperationNamingIt() {
    ApiResponse response =
        call(
            "CreateUserImportJob",
            "{\"JobName\":\"j\",\"UserPoolId\":\"us-east-1_abc\",\"CloudWatchLogsRoleArn\":"
                + "\"arn:aws:iam::123456789012:role/r\"}",
            Map.of());
    assertEquals(400, response.status());
    assertEquals("UnsupportedOperationException", json(response).get("__type").asText());
    assertTrue(json(response).get("message").asText().contains("CreateUserImportJob"));
  }

  @Test
  void whenRequiredMemberMissingThenCognitoValidationMessage() {
    ApiResponse response = call("DescribeUserPool", "{}", Map.of());
    assertEquals("InvalidParameterException", json(response).get("__type").asText());
    assertEquals(
        "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: "
            + "Member must not be null",
        json(response).get("message").asText());
  }

  @Test
  void whenSeveralConstraintsFailThenAllAreJoinedWithSemicolons() {
    ApiResponse response = call("DescribeUserPool", "{\"UserPoolId\":\"\"}", Map.of());
    String message = json(response).get("message").asText();
    assertTrue(
        message.startsWith(
            "2 validation errors detected: Value '' at 'userPoolId' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 1; "),
        message);
    assertTrue(
        message.contains("Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"),
        message);
  }

  @Test
  void whenValueIsSensitiveThenItIsLeftOutOfTheMessage() {
    ApiResponse response =
        call(
            "AdminGetUser",
            "{\"UserPoolId\":\"us-east-1_abc\",\"Username\":\"" + "u".repeat(129) + "\"}",
            Map.of());
    String message = json(response).get("message").asText();
    assertTrue(message.contains("Value at 'username' failed to satisfy constraint"), message);
    assertFalse(message.contains("uuuu"), message);
  }

  @Test
  void whenEnumValueIsUnknownThenEnumSetIsListed() {
    ApiResponse response =
        call("InitiateAuth", "{\"AuthFlow\":\"NOPE\",\"ClientId\":\"abc\"}", Map.of());
    assertTrue(
        json(response)
            .get("message")
            .asText()
            .contains(
                "Value 'NOPE' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: ["));
  }

  @Test
  void whenNestedMemberBreaksRangeThenPathIsDotted() {
    ApiResponse response =
        call(
            "CreateUserPool",
            "{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":1}}}",
            Map.of());
    assertTrue(
        json(response)
            .get("message")
            .asText()
            .contains(
                "Value '1' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 6"),
        json(response).toString());
  }

  @Test
  void whenMemberHasWrongJsonTypeThenSerializationException() {
    ApiResponse response = call("DescribeUserPool", "{\"UserPoolId\":true}", Map.of());
    assertEquals("SerializationException", json(response).get("__type").asText());
  }

  @Test
  void whenBodyIsAnArrayThenSerializationException() {
    assertEquals(
        "SerializationException",
        json(call("DescribeUserPool", "[]", Map.of())).get("__type").asText());
  }

  @Test
  void whenBodyIsTooLargeThenSerializationException() {
    String huge = "{\"UserPoolId\":\"" + "a".repeat(CognitoProtocol.MAX_BODY_BYTES) + "\"}";
    ApiResponse response = call("DescribeUserPool", huge, Map.of());
    assertEquals(400, response.status());
    assertEquals("SerializationException", json(response).get("__type").asText());
  }

  @Test
  void whenOperationFailsUnexpectedlyThenInternalErrorWithoutDetail() {
    ApiResponse response = call("GetUser", "{\"AccessToken\":\"t\"}", Map.of());
    assertEquals(500, response.status());
    assertEquals("InternalErrorException", json(response).get("__type").asText());
    assertFalse(response.bodyText().contains("secret internal detail"));
  }

  @Test
  void whenRequestIsUnsignedThenConfiguredRegionAndTimestampsInSecondsWithMillis() {
    ApiResponse response = call("DescribeUserPool", "{\"UserPoolId\":\"us-east-1_abc\"}", Map.of());
    assertEquals(200, response.status());
    assertEquals("eu-west-1", json(response).get("Region").asText());
    assertEquals("1704164645.678", json(response).get("When").toString());
    assertNotNull(response.headers().get("x-amzn-RequestId"));
    assertEquals(CognitoProtocol.CONTENT_TYPE, response.headers().get("Content-Type"));
  }

  @Test
  void whenRequestIsSignedThenRegionComesFromCredentialScope() {
    ApiResponse response =
        call(
            "DescribeUserPool",
            "{\"UserPoolId\":\"us-east-1_abc\"}",
            Map.of(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20240102/ap-south-1/cognito-idp/aws4_request, SignedHeaders=host, "
                    + "Signature=abc"));
    assertEquals("ap-south-1", json(response).get("Region").asText());
  }

  private ApiResponse call(String operation, String body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new HashMap<>(extraHeaders);
    if (operation != null) {
      headers.put("x-amz-target", CognitoProtocol.TARGET_PREFIX + operation);
    }
    return protocol
        .handle(new ApiRequest("POST", "/", headers, body.getBytes(StandardCharsets.UTF_8), null))
        .response();
  }

  private static JsonNode json(ApiResponse response) {
    return Json.read(response.bodyText());
  }
}
