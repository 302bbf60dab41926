package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
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
 * The real amazon-cognito-identity-js through its MFA API ({@code
 * src/test/js/acij-mfa-scenario.js}), TOTP codes from otplib: associateSoftwareToken →
 * verifySoftwareToken → setUserMfaPreference, then authenticateUser answered through totpRequired /
 * sendMFACode (and a wrong code refused); in a pool requiring MFA, mfaSetup answered with
 * associateSoftwareToken / verifySoftwareToken on the Session, and mfaRequired answered with the
 * SMS code from the outbox.
 */
class AmazonCognitoIdentityJsMfaIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final List<String> STEPS =
      List.of(
          "signInWithoutMfa",
          "associateSoftwareToken",
          "verifySoftwareToken",
          "setUserMfaPreference",
          "getUserData",
          "wrongTotpCode",
          "totpSignIn",
          "mfaSetupSignIn",
          "smsMfaSignIn");
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
    confirmedUser(cognito, poolId, "totp-user");
    String onPoolId = SignInFixtures.pool(cognito);
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(onPoolId)
                .mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(s -> s.enabled(true))
                .smsMfaConfiguration(
                    s ->
                        s.smsConfiguration(
                            c -> c.snsCallerArn("arn:aws:iam::123456789012:role/sns"))));
    String onClientId =
        SignInFixtures.client(cognito, onPoolId, b -> b.explicitAuthFlows(FLOWS)).clientId();
    confirmedUser(cognito, onPoolId, "setup-user");
    confirmedUser(cognito, onPoolId, "sms-user", attr("phone_number", "+15555550100"));

    run =
        js.node(
            "acij-mfa-scenario.js",
            Map.of(
                "USERPOOL_ENDPOINT",
                server.endpoint(),
                "USERPOOL_POOL_ID",
                poolId,
                "USERPOOL_CLIENT_ID",
                clientId,
                "USERPOOL_USERNAME",
                "totp-user",
                "USERPOOL_ON_POOL_ID",
                onPoolId,
                "USERPOOL_ON_CLIENT_ID",
                onClientId,
                "USERPOOL_SETUP_USERNAME",
                "setup-user",
                "USERPOOL_SMS_USERNAME",
                "sms-user",
                "USERPOOL_PASSWORD",
                SignInFixtures.PASSWORD),
            Duration.ofMinutes(2));
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
  void whenOtplibIsInstalledThenItIsTheLockedVersion() throws Exception {
    NodeProject js = NodeProject.testJs();
    assertEquals(js.lockedVersion("otplib"), js.installedVersion("otplib"));
  }

  @Test
  void whenTheUserSetsUpTotpThenTheSdkGetsA32CharacterSecretAndVerifiesIt() {
    passed("signInWithoutMfa");
    JsonNode associated = passed("associateSoftwareToken");
    assertEquals(32, associated.path("secretLength").asInt());
    assertEquals(List.of("AssociateSoftwareToken"), texts(associated.path("calls")));
    JsonNode verified = passed("verifySoftwareToken");
    assertEquals("SUCCESS", verified.path("status").asText());
    assertEquals(List.of("VerifySoftwareToken"), texts(verified.path("calls")));
    assertEquals("SUCCESS", passed("setUserMfaPreference").path("result").asText());
  }

  @Test
  void whenTheSdkReadsTheUserThenTotpIsEnabledAndPreferred() {
    JsonNode data = passed("getUserData");
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), texts(data.path("UserMFASettingList")));
    assertEquals("SOFTWARE_TOKEN_MFA", data.path("PreferredMfaSetting").asText());
  }

  @Test
  void whenTheSdkSignsInThenTotpRequiredIsAnsweredWithTheAuthenticatorCode() {
    JsonNode details = passed("totpSignIn");
    assertTrue(details.path("valid").asBoolean());
    assertEquals(
        List.of(
            "InitiateAuth:USER_SRP_AUTH",
            "RespondToAuthChallenge:PASSWORD_VERIFIER",
            "RespondToAuthChallenge:SOFTWARE_TOKEN_MFA"),
        texts(details.path("calls")));
    assertEquals(
        "otplib", details.path("challengeParameters").path("FRIENDLY_DEVICE_NAME").asText());
  }

  @Test
  void whenTheCodeIsWrongThenTheSdkGetsCodeMismatch() {
    JsonNode details = passed("wrongTotpCode");
    assertEquals("SOFTWARE_TOKEN_MFA", details.path("challenge").asText());
    assertEquals("CodeMismatchException", details.path("error").path("code").asText());
  }

  @Test
  void whenThePoolRequiresMfaThenMfaSetupIsCompletedWithTheSession() {
    JsonNode details = passed("mfaSetupSignIn");
    assertTrue(details.path("valid").asBoolean());
    assertEquals(
        List.of(
            "InitiateAuth:USER_SRP_AUTH",
            "RespondToAuthChallenge:PASSWORD_VERIFIER",
            "AssociateSoftwareToken",
            "VerifySoftwareToken",
            "RespondToAuthChallenge:MFA_SETUP"),
        texts(details.path("calls")));
  }

  @Test
  void whenTheUserHasAPhoneThenMfaRequiredIsAnsweredWithTheSmsCode() {
    JsonNode details = passed("smsMfaSignIn");
    assertTrue(details.path("valid").asBoolean());
    assertEquals(
        "SMS", details.path("challengeParameters").path("CODE_DELIVERY_DELIVERY_MEDIUM").asText());
    assertEquals("CustomMessage_Authentication", details.path("triggerSource").asText());
    assertEquals(
        List.of(
            "InitiateAuth:USER_SRP_AUTH",
            "RespondToAuthChallenge:PASSWORD_VERIFIER",
            "RespondToAuthChallenge:SMS_MFA"),
        texts(details.path("calls")));
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
