package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.confirmedUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * Amplify JS v6 ({@code aws-amplify}, configured with {@code userPoolEndpoint}) through TOTP MFA
 * ({@code src/test/js/amplify-mfa-scenario.js}, codes from otplib): setUpTOTP → verifyTOTPSetup →
 * updateMFAPreference → fetchMFAPreference, then signIn → CONFIRM_SIGN_IN_WITH_TOTP_CODE →
 * confirmSignIn; in a pool requiring MFA, signIn → CONTINUE_SIGN_IN_WITH_TOTP_SETUP →
 * confirmSignIn.
 */
class AmplifyMfaIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final List<String> STEPS =
      List.of(
          "signIn",
          "setUpTOTP",
          "verifyTOTPSetup",
          "updateMFAPreference",
          "fetchMFAPreference",
          "signOut",
          "signInWithTotp",
          "fetchAuthSession",
          "signInWithTotpSetup",
          "signInOnDevicePool",
          "rememberDevice",
          "fetchDevices");
  private static final List<ExplicitAuthFlowsType> FLOWS =
      List.of(
          ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
          ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);

  private static NodeProject.Result run;
  private static Map<String, JsonNode> steps;

  @BeforeAll
  static void runTheScenario() throws Exception {
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    CognitoIdentityProviderClient cognito = server.client();
    String poolId = SignInFixtures.pool(cognito);
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));
    String clientId =
        SignInFixtures.client(cognito, poolId, b -> b.explicitAuthFlows(FLOWS)).clientId();
    confirmedUser(cognito, poolId, "amplify-user");
    String onPoolId = SignInFixtures.pool(cognito);
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(onPoolId)
                .mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));
    String onClientId =
        SignInFixtures.client(cognito, onPoolId, b -> b.explicitAuthFlows(FLOWS)).clientId();
    confirmedUser(cognito, onPoolId, "amplify-setup");
    String devicePoolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.deviceConfiguration(
                    d ->
                        d.challengeRequiredOnNewDevice(false)
                            .deviceOnlyRememberedOnUserPrompt(true)));
    String deviceClientId =
        SignInFixtures.client(cognito, devicePoolId, b -> b.explicitAuthFlows(FLOWS)).clientId();
    confirmedUser(cognito, devicePoolId, "amplify-device");

    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                "USERPOOL_ENDPOINT",
                server.endpoint(),
                "USERPOOL_POOL_ID",
                poolId,
                "USERPOOL_CLIENT_ID",
                clientId,
                "USERPOOL_USERNAME",
                "amplify-user",
                "USERPOOL_ON_POOL_ID",
                onPoolId,
                "USERPOOL_ON_CLIENT_ID",
                onClientId,
                "USERPOOL_SETUP_USERNAME",
                "amplify-setup",
                "USERPOOL_PASSWORD",
                SignInFixtures.PASSWORD));
    environment.put("USERPOOL_DEVICE_POOL_ID", devicePoolId);
    environment.put("USERPOOL_DEVICE_CLIENT_ID", deviceClientId);
    environment.put("USERPOOL_DEVICE_USERNAME", "amplify-device");
    run = js.node("amplify-mfa-scenario.js", environment, Duration.ofMinutes(2));
    steps = new LinkedHashMap<>();
    for (JsonNode line : run.jsonLines()) {
      steps.put(line.path("step").asText(), line);
    }
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
  void whenAmplifyRemembersTheDeviceThenFetchDevicesListsIt() {
    JsonNode signIn = passed("signInOnDevicePool");
    assertTrue(signIn.path("isSignedIn").asBoolean());
    assertTrue(
        texts(signIn.path("calls")).contains("ConfirmDevice"),
        "Amplify confirms the new device at sign-in: " + signIn);
    assertEquals(List.of("UpdateDeviceStatus"), texts(passed("rememberDevice").path("calls")));
    JsonNode devices = passed("fetchDevices");
    assertEquals(List.of("ListDevices"), texts(devices.path("calls")));
    assertEquals(1, devices.path("count").asInt());
    assertTrue(devices.path("ids").get(0).asText().startsWith("us-east-1_"), devices.toString());
  }

  @Test
  void whenAmplifyIsInstalledThenItIsTheLockedVersion() throws Exception {
    NodeProject js = NodeProject.testJs();
    assertEquals(js.lockedVersion("aws-amplify"), js.installedVersion("aws-amplify"));
    assertTrue(js.installedVersion("aws-amplify").startsWith("6."));
  }

  @Test
  void whenAmplifySignsInWithoutMfaThenItIsDoneWithSrp() {
    JsonNode details = passed("signIn");
    assertTrue(details.path("isSignedIn").asBoolean());
    assertEquals("DONE", details.path("signInStep").asText());
    assertEquals(
        List.of("InitiateAuth:USER_SRP_AUTH", "RespondToAuthChallenge:PASSWORD_VERIFIER"),
        texts(details.path("calls")));
  }

  @Test
  void whenAmplifySetsUpTotpThenTheSecretVerifiesAndBecomesThePreference() {
    JsonNode setup = passed("setUpTOTP");
    assertEquals(32, setup.path("secretLength").asInt());
    // Amplify builds the URI from the ID token's cognito:username, JSON-quoted by Amplify itself
    // (setUpTOTP.js).
    assertEquals("otpauth://totp/Userpool:%22amplify-user%22", setup.path("setupUri").asText());
    assertEquals(List.of("VerifySoftwareToken"), texts(passed("verifyTOTPSetup").path("calls")));
    assertEquals(
        List.of("SetUserMFAPreference"), texts(passed("updateMFAPreference").path("calls")));
    JsonNode preference = passed("fetchMFAPreference");
    assertEquals(List.of("TOTP"), texts(preference.path("enabled")));
    assertEquals("TOTP", preference.path("preferred").asText());
  }

  @Test
  void whenAmplifySignsInAgainThenItConfirmsWithTheTotpCode() {
    passed("signOut");
    JsonNode details = passed("signInWithTotp");
    assertEquals("CONFIRM_SIGN_IN_WITH_TOTP_CODE", details.path("firstStep").asText());
    assertTrue(details.path("isSignedIn").asBoolean());
    assertEquals(
        List.of(
            "InitiateAuth:USER_SRP_AUTH",
            "RespondToAuthChallenge:PASSWORD_VERIFIER",
            "RespondToAuthChallenge:SOFTWARE_TOKEN_MFA"),
        texts(details.path("calls")));
    assertEquals("amplify-user", passed("fetchAuthSession").path("username").asText());
  }

  @Test
  void whenThePoolRequiresMfaThenAmplifySetsUpTotpDuringSignIn() {
    JsonNode details = passed("signInWithTotpSetup");
    assertEquals("CONTINUE_SIGN_IN_WITH_TOTP_SETUP", details.path("firstStep").asText());
    assertTrue(details.path("isSignedIn").asBoolean());
    assertTrue(
        texts(details.path("calls"))
            .containsAll(
                List.of(
                    "AssociateSoftwareToken",
                    "VerifySoftwareToken",
                    "RespondToAuthChallenge:MFA_SETUP")),
        details::toString);
  }

  private static JsonNode passed(String name) {
    JsonNode step = steps.get(name);
    assertTrue(
        step != null,
        () -> "the scenario did not report " + name + ":\n" + run.stdout() + run.stderr());
    assertTrue(step.path("ok").asBoolean(), step::toString);
    return step.path("details");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
