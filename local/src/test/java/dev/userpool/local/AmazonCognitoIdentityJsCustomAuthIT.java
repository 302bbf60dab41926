package dev.userpool.local;

import static dev.userpool.local.FakeLambda.arn;
import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * The real browser SDK through custom authentication and remembered devices: {@code
 * src/test/js/acij-custom-auth-devices.js} signs in passwordless (initiateAuth → customChallenge →
 * sendCustomChallengeAnswer, a wrong answer first), then with CUSTOM_AUTH and the password (SRP
 * inside the custom sequence), which in this pool (DeviceOnlyRememberedOnUserPrompt) ends with
 * ACIJ's own ConfirmDevice; the user opts in with setDeviceStatusRemembered, lists the device, and
 * a later sign-in over the same storage proves the remembered device with device SRP and refreshes
 * on it. The custom-auth triggers are served by this test over the Lambda Invoke API ({@link
 * FakeLambda}). Kept apart from {@link AmazonCognitoIdentityJsIT}: it needs the Lambda endpoint and
 * a pool of its own.
 */
class AmazonCognitoIdentityJsCustomAuthIT {
  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort().withLambdaEndpoint(lambda.endpoint()));

  private static final String USERNAME = "browser-custom";
  private static final String ANSWER = "forty-two";
  private static final List<String> STEPS =
      List.of(
          "customAuthPasswordless",
          "customAuthWithPassword",
          "setDeviceStatusRemembered",
          "listDevices",
          "signInWithRememberedDevice",
          "refreshOnDevice");

  private static NodeProject.Result run;
  private static Map<String, JsonNode> steps;
  private static List<ObjectNode> defineEvents;
  private static List<ObjectNode> verifyEvents;

  @BeforeAll
  static void runTheScenario() throws Exception {
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    CustomAuthIT.questionAndAnswerTriggers(lambda, ANSWER);
    CognitoIdentityProviderClient cognito = server.client();
    String poolId =
        cognito
            .createUserPool(
                b ->
                    b.poolName("browser-custom")
                        .lambdaConfig(
                            c ->
                                c.defineAuthChallenge(arn("define"))
                                    .createAuthChallenge(arn("create"))
                                    .verifyAuthChallengeResponse(arn("verify")))
                        .deviceConfiguration(
                            d ->
                                d.challengeRequiredOnNewDevice(true)
                                    .deviceOnlyRememberedOnUserPrompt(true)))
            .userPool()
            .id();
    String clientId =
        cognito
            .createUserPoolClient(
                b ->
                    b.userPoolId(poolId)
                        .clientName("browser")
                        .explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                            ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .userPoolClient()
            .clientId();
    confirmedUser(cognito, poolId, USERNAME);

    run =
        js.node(
            "acij-custom-auth-devices.js",
            Map.of(
                "USERPOOL_ENDPOINT", server.endpoint(),
                "USERPOOL_POOL_ID", poolId,
                "USERPOOL_CLIENT_ID", clientId,
                "USERPOOL_USERNAME", USERNAME,
                "USERPOOL_PASSWORD", PASSWORD,
                "USERPOOL_ANSWER", ANSWER),
            Duration.ofMinutes(2));
    steps = new LinkedHashMap<>();
    for (JsonNode line : run.jsonLines()) {
      steps.put(line.path("step").asText(), line);
    }
    defineEvents = List.copyOf(lambda.events("define")); // FakeLambda forgets them before each test
    verifyEvents = List.copyOf(lambda.events("verify"));
  }

  private static JsonNode passed(String step) {
    JsonNode line = steps.get(step);
    assertNotNull(line, () -> "no step " + step + " in\n" + run.stdout() + run.stderr());
    assertTrue(line.path("ok").asBoolean(), line::toString);
    return line.path("details");
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void whenTheScenarioRunsThenItReportsEveryStepAndExitsCleanly() {
    assertEquals(
        0,
        run.exitCode(),
        () -> "node exited with " + run.exitCode() + "\n" + run.stdout() + run.stderr());
    assertEquals(STEPS, List.copyOf(steps.keySet()), run::stdout);
  }

  @Test
  void
      whenTheSdkAnswersTheCustomChallengeThenAWrongAnswerBringsANewChallengeAndTheRightOneTokens() {
    JsonNode details = passed("customAuthPasswordless");
    assertEquals(
        List.of(
            "InitiateAuth:CUSTOM_AUTH",
            "RespondToAuthChallenge:CUSTOM_CHALLENGE",
            "RespondToAuthChallenge:CUSTOM_CHALLENGE",
            "ConfirmDevice"),
        texts(details.path("calls")));
    assertEquals(2, details.path("challengeParameters").size());
    assertEquals(
        "What is 6 times 7?", details.path("challengeParameters").get(0).path("question").asText());
    assertEquals(USERNAME, details.path("challengeParameters").get(0).path("USERNAME").asText());
    assertTrue(details.path("hasTokens").asBoolean());
    assertTrue(
        verifyEvents.stream()
            .anyMatch(e -> e.at("/request/challengeAnswer").asText().equals("wrong")));
  }

  @Test
  void
      whenTheSdkRunsCustomAuthWithThePasswordThenSrpRunsInsideTheSequenceAndTheDeviceIsConfirmed() {
    JsonNode details = passed("customAuthWithPassword");
    assertEquals(
        List.of(
            "InitiateAuth:CUSTOM_AUTH",
            "RespondToAuthChallenge:PASSWORD_VERIFIER",
            "RespondToAuthChallenge:CUSTOM_CHALLENGE",
            "ConfirmDevice"),
        texts(details.path("calls")));
    assertTrue(
        details.path("userConfirmationNecessary").asBoolean(),
        "the pool remembers devices on prompt");
    assertEquals(details.path("deviceKey").asText(), details.path("tokenDeviceKey").asText());
    assertTrue(
        defineEvents.stream()
            .anyMatch(
                e ->
                    e.at("/request/session").size() == 2
                        && e.at("/request/session/0/challengeName").asText().equals("SRP_A")
                        && e.at("/request/session/1/challengeName")
                            .asText()
                            .equals("PASSWORD_VERIFIER")
                        && e.at("/request/session/1/challengeResult").asBoolean()));
  }

  @Test
  void whenTheUserOptsInThenTheDeviceIsRememberedAndListed() {
    JsonNode remembered = passed("setDeviceStatusRemembered");
    assertEquals("SUCCESS", remembered.path("result").asText());
    assertEquals(List.of("UpdateDeviceStatus"), texts(remembered.path("calls")));
    JsonNode listed = passed("listDevices");
    assertEquals(1, listed.path("devices").size(), listed::toString);
    JsonNode device = listed.path("devices").get(0);
    assertEquals(
        passed("customAuthWithPassword").path("deviceKey").asText(), device.path("key").asText());
    assertEquals(
        "remembered", device.path("attributes").path("dev:device_remembered_status").asText());
    assertFalse(
        device.path("attributes").path("device_name").asText().isEmpty(), "ACIJ names the device");
  }

  @Test
  void whenTheSdkSignsInLaterThenTheRememberedDeviceIsProvenWithDeviceSrp() {
    JsonNode details = passed("signInWithRememberedDevice");
    assertEquals(
        List.of(
            "InitiateAuth:USER_SRP_AUTH",
            "RespondToAuthChallenge:PASSWORD_VERIFIER",
            "RespondToAuthChallenge:DEVICE_SRP_AUTH",
            "RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER"),
        texts(details.path("calls")));
    assertEquals(details.path("deviceKey").asText(), details.path("tokenDeviceKey").asText());
    JsonNode refreshed = passed("refreshOnDevice");
    assertEquals(List.of("InitiateAuth:REFRESH_TOKEN_AUTH"), texts(refreshed.path("calls")));
    assertEquals(details.path("deviceKey").asText(), refreshed.path("tokenDeviceKey").asText());
  }
}
