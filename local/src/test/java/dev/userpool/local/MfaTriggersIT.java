package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * The triggers around MFA, served over the Lambda Invoke API: the SMS code goes through
 * CustomMessage with triggerSource CustomMessage_Authentication (its text is what is sent), and
 * Post Authentication runs only once the second factor is answered, not after the password.
 */
class MfaTriggersIT {
  private static HttpServer lambda;
  private static LocalServer server;
  private static CognitoIdentityProviderClient cognito;
  private static final List<JsonNode> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    lambda.createContext("/2015-03-31/functions/", MfaTriggersIT::invoke);
    lambda.start();
    server =
        LocalServer.start(
            ItStore.chosen(
                LocalOptions.inMemoryOnFreePort()
                    .withLambdaEndpoint("http://127.0.0.1:" + lambda.getAddress().getPort()),
                MfaTriggersIT.class));
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
  }

  private static String arn(String name) {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + name;
  }

  private static void invoke(HttpExchange exchange) throws IOException {
    ObjectNode event =
        (ObjectNode)
            Json.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    events.add(event.deepCopy());
    if (event.path("triggerSource").asText().startsWith("CustomMessage_")) {
      String who = event.path("request").path("clientMetadata").path("who").asText("nobody");
      event.putObject("response").put("smsMessage", "Hi " + who + ", sign in with {####}");
    }
    byte[] bytes = event.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static List<String> sources() {
    return events.stream().map(e -> e.path("triggerSource").asText()).toList();
  }

  @Test
  void
      whenSmsMfaCodeIsSentThenCustomMessageAuthenticationWritesItAndPostAuthenticationWaitsForTheCode() {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.lambdaConfig(
                    l -> l.customMessage(arn("custom")).postAuthentication(arn("post"))));
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .smsMfaConfiguration(
                    s ->
                        s.smsConfiguration(
                            c -> c.snsCallerArn("arn:aws:iam::123456789012:role/sns"))));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "jane",
        AttributeType.builder().name("phone_number").value("+15555550177").build());
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("jane")
                .smsMfaSettings(s -> s.enabled(true).preferredMfa(true)));

    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .clientMetadata(Map.of("who", "Jane"))
                    .authParameters(Map.of("USERNAME", "jane", "PASSWORD", PASSWORD)));

    assertEquals(ChallengeNameType.SMS_MFA, challenge.challengeName());
    assertEquals(List.of("CustomMessage_Authentication"), sources());
    JsonNode custom = events.get(0);
    assertEquals("{####}", custom.path("request").path("codeParameter").asText());
    assertEquals(
        "+15555550177",
        custom.path("request").path("userAttributes").path("phone_number").asText());
    var sms = server.wiring().outbox().messages(poolId, "jane");
    String code = sms.get(sms.size() - 1).code();
    assertEquals("Hi Jane, sign in with " + code, sms.get(sms.size() - 1).body());

    var tokens =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.SMS_MFA)
                    .session(challenge.session())
                    .challengeResponses(Map.of("USERNAME", "jane", "SMS_MFA_CODE", code)));

    assertNotNull(tokens.authenticationResult().accessToken());
    assertEquals(
        List.of("CustomMessage_Authentication", "PostAuthentication_Authentication"), sources());
    assertTrue(events.get(1).path("request").path("userAttributes").has("phone_number"));
  }
}
