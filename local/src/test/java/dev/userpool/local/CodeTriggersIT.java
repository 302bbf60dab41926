package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The triggers around codes, invoked over the wire at an Invoke endpoint this test serves:
 * CustomMessage replaces the texts and receives the ClientMetadata, its failures and bad answers
 * become Cognito's errors, and PreSignUp can confirm the user so that no code is sent.
 */
class CodeTriggersIT {
  private static HttpServer lambda;
  private static LocalServer server;
  private static CognitoIdentityProviderClient cognito;
  private static final List<JsonNode> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    lambda.createContext("/2015-03-31/functions/", CodeTriggersIT::invoke);
    lambda.start();
    server =
        LocalServer.start(
            ItStore.chosen(
                LocalOptions.inMemoryOnFreePort()
                    .withLambdaEndpoint("http://127.0.0.1:" + lambda.getAddress().getPort()),
                CodeTriggersIT.class));
    cognito = LocalServerExtension.clientFor(server.endpoint(), Region.US_EAST_1);
  }

  @AfterAll
  static void stop() {
    cognito.close();
    server.close();
    lambda.stop(0);
  }

  @BeforeEach
  void clear() {
    events.clear();
    server.wiring().outbox().clear();
  }

  private static String arn(String name) {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + name;
  }

  private static void invoke(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    String function =
        path.substring("/2015-03-31/functions/".length(), path.length() - "/invocations".length());
    String name = function.contains(":function:") ? function.split(":")[6] : function;
    ObjectNode event = (ObjectNode) Json.read(body);
    events.add(event);
    switch (name) {
      case "custom" -> {
        String who = event.path("request").path("clientMetadata").path("who").asText("nobody");
        event
            .putObject("response")
            .put("smsMessage", "Hi " + who + ", your code: {####}")
            .put("emailMessage", "<p>Hello " + who + "</p><p>{####}</p>")
            .put("emailSubject", "Welcome " + who);
        answer(exchange, Map.of(), event.toString());
      }
      case "confirm" -> {
        event.putObject("response").put("autoConfirmUser", true).put("autoVerifyEmail", true);
        answer(exchange, Map.of(), event.toString());
      }
      case "throws" ->
          answer(
              exchange,
              Map.of("X-Amz-Function-Error", "Unhandled"),
              "{\"errorType\":\"Error\",\"errorMessage\":\"No messages today\"}");
      default -> answer(exchange, Map.of(), "this is not json");
    }
  }

  private static void answer(HttpExchange exchange, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String pool(
      String customMessage, String preSignUp, boolean developer, VerifiedAttributeType v) {
    return SignInFixtures.pool(
        cognito,
        b -> {
          b.autoVerifiedAttributes(v)
              .lambdaConfig(
                  l ->
                      l.customMessage(customMessage == null ? null : arn(customMessage))
                          .preSignUp(preSignUp == null ? null : arn(preSignUp)));
          if (developer) {
            b.emailConfiguration(
                e ->
                    e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                        .from("no-reply@example.com")
                        .sourceArn("arn:aws:ses:us-east-1:123456789012:identity/example.com"));
          }
        });
  }

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private static void signUp(String clientId, String username, AttributeType attribute) {
    cognito.signUp(
        b ->
            b.clientId(clientId)
                .username(username)
                .password(PASSWORD)
                .userAttributes(attribute)
                .clientMetadata(Map.of("who", "Jane")));
  }

  private static List<JsonNode> outbox(String poolId) {
    return server.wiring().outbox().messages(poolId, null).stream()
        .map(
            m ->
                (JsonNode)
                    Json.object()
                        .put("subject", m.subject())
                        .put("message", m.body())
                        .put("code", m.code()))
        .toList();
  }

  @Test
  void whenCustomMessageAnswersThenItsTextsAreSentWithTheCodeAndItGotTheClientMetadata() {
    String poolId = pool("custom", null, true, VerifiedAttributeType.EMAIL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    signUp(clientId, "jane", attr("email", "jane@example.com"));

    JsonNode event = events.get(0);
    assertEquals("CustomMessage_SignUp", event.get("triggerSource").asText());
    assertEquals("{####}", event.path("request").path("codeParameter").asText());
    assertEquals("Jane", event.path("request").path("clientMetadata").path("who").asText());
    assertEquals(
        "jane@example.com", event.path("request").path("userAttributes").path("email").asText());
    assertEquals(clientId, event.path("callerContext").path("clientId").asText());
    JsonNode sent = outbox(poolId).get(0);
    assertEquals("Welcome Jane", sent.get("subject").asText());
    assertEquals(
        "<p>Hello Jane</p><p>" + sent.get("code").asText() + "</p>", sent.get("message").asText());
  }

  @Test
  void whenCustomMessageAnswersForSmsThenTheSmsTextIsUsed() {
    String poolId = pool("custom", null, false, VerifiedAttributeType.PHONE_NUMBER);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    signUp(clientId, "pat", attr("phone_number", "+15555550100"));
    JsonNode sent = outbox(poolId).get(0);
    assertEquals("Hi Jane, your code: " + sent.get("code").asText(), sent.get("message").asText());
    assertTrue(sent.get("subject").isNull());
  }

  @Test
  void whenCustomTextsAreReturnedForACognitoDefaultEmailPoolThenInvalidLambdaResponse() {
    String poolId = pool("custom", null, false, VerifiedAttributeType.EMAIL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    Expect.error(
        InvalidLambdaResponseException.class,
        "Unrecognizable lambda output",
        () -> signUp(clientId, "jane", attr("email", "jane@example.com")));
    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane")));
  }

  @Test
  void whenCustomMessageThrowsThenUserLambdaValidationAndNoUser() {
    String poolId = pool("throws", null, true, VerifiedAttributeType.EMAIL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    Expect.error(
        UserLambdaValidationException.class,
        "CustomMessage failed with error No messages today.",
        () -> signUp(clientId, "jane", attr("email", "jane@example.com")));
    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane")));
    assertTrue(outbox(poolId).isEmpty());
  }

  @Test
  void whenCustomMessageAnswersGarbageThenInvalidLambdaResponse() {
    String poolId = pool("garbage", null, true, VerifiedAttributeType.EMAIL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    Expect.error(
        InvalidLambdaResponseException.class,
        "Unrecognizable lambda output",
        () -> signUp(clientId, "jane", attr("email", "jane@example.com")));
  }

  @Test
  void whenPreSignUpConfirmsThenNoCodeIsSentAndTheEmailIsVerified() {
    String poolId = pool("custom", "confirm", true, VerifiedAttributeType.EMAIL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    var response =
        cognito.signUp(
            b ->
                b.clientId(clientId)
                    .username("jane")
                    .password(PASSWORD)
                    .userAttributes(attr("email", "jane@example.com"))
                    .validationData(attr("captcha", "ok")));

    assertTrue(response.userConfirmed());
    assertNull(response.codeDeliveryDetails());
    assertTrue(outbox(poolId).isEmpty());
    JsonNode pre = events.get(0);
    assertEquals("PreSignUp_SignUp", pre.get("triggerSource").asText());
    assertEquals("ok", pre.path("request").path("validationData").path("captcha").asText());
    var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane"));
    assertEquals(UserStatusType.CONFIRMED, user.userStatus());
    assertEquals(
        "true",
        user.userAttributes().stream()
            .filter(a -> a.name().equals("email_verified"))
            .findFirst()
            .orElseThrow()
            .value());
  }
}
