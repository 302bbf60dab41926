package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The real browser SDK against the local server: {@code src/test/js/acij-scenario.js} signs in with
 * amazon-cognito-identity-js (USER_SRP_AUTH, its default), tries a wrong password, restores the
 * session, refreshes it, changes the password and signs out globally, verifies the ID and access
 * tokens with aws-jwt-verify's JwtRsaVerifier against the served JWKS, then signs a new user up,
 * confirms it and verifies its email again with codes the script reads from the local outbox
 * ({@code GET /_local/messages}). Each step prints one JSON line; this test decides what must pass.
 *
 * <p>Steps the server does not support yet are listed in {@link #KNOWN_GAPS}. A gap must still
 * fail: once it passes, this test fails until the step is moved out of the list (and gets its own
 * assertions), so the list never goes stale.
 */
class AmazonCognitoIdentityJsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final String USERNAME = "browser-user";

  /** Every step the scenario reports, in order. */
  private static final List<String> STEPS =
      List.of(
          "preflight",
          "authenticateUser",
          "wrongPassword",
          "repeatedSignIns",
          "getSession",
          "verifyIdToken",
          "verifyAccessToken",
          "verifyRejectsTamperedToken",
          "refreshSession",
          "verifyRefreshedIdToken",
          "verifyRefreshedAccessToken",
          "changePassword",
          "signInWithNewPassword",
          "globalSignOut",
          "refreshAfterGlobalSignOut",
          "signUp",
          "confirmRegistration",
          "getAttributeVerificationCode",
          "verifyAttribute");

  /**
   * Steps expected to fail today, with the reason. Remove an entry when its step starts passing.
   */
  private static final Map<String, String> KNOWN_GAPS = Map.of();

  private static String poolId;
  private static String clientId;
  private static NodeProject.Result run;
  private static Map<String, JsonNode> steps;

  @BeforeAll
  static void runTheScenario() throws Exception {
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    CognitoIdentityProviderClient cognito = server.client();
    poolId =
        SignInFixtures.pool(cognito, b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    clientId =
        SignInFixtures.client(
                cognito,
                poolId,
                b ->
                    b.explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .clientId();
    confirmedUser(cognito, poolId, USERNAME);

    run =
        js.node(
            "acij-scenario.js",
            Map.of(
                "USERPOOL_ENDPOINT", server.endpoint(),
                "USERPOOL_POOL_ID", poolId,
                "USERPOOL_CLIENT_ID", clientId,
                "USERPOOL_USERNAME", USERNAME,
                "USERPOOL_PASSWORD", PASSWORD),
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
  void whenNpmInstalledThePackagesThenTheyAreTheLockedVersions() throws Exception {
    NodeProject js = NodeProject.testJs();
    for (String name : List.of("amazon-cognito-identity-js", "aws-jwt-verify")) {
      assertEquals(js.lockedVersion(name), js.installedVersion(name), name);
    }
    assertTrue(js.installedVersion("amazon-cognito-identity-js").startsWith("6."));
    assertTrue(js.installedVersion("aws-jwt-verify").startsWith("5."));
  }

  @Test
  void whenABrowserSendsThePreflightThenTheServerAllowsTheSdkHeaders() {
    passed("preflight");
  }

  @Test
  void whenTheSdkSignsInWithItsDefaultFlowThenSrpEndsInAValidSession() {
    JsonNode details = passed("authenticateUser");
    assertEquals("USER_SRP_AUTH", details.path("flow").asText());
    assertEquals(
        List.of("InitiateAuth:USER_SRP_AUTH", "RespondToAuthChallenge:PASSWORD_VERIFIER"),
        texts(details.path("calls")));
    assertEquals(USERNAME, details.path("username").asText());
  }

  @Test
  void whenThePasswordIsWrongThenThePasswordVerifierStepIsRefusedAsCognitoRefusesIt() {
    JsonNode step = steps.get("wrongPassword");
    assertAll(
        () -> assertEquals("NotAuthorizedException", step.path("code").asText(), step::toString),
        () ->
            assertEquals(
                "Incorrect username or password.", step.path("message").asText(), step::toString),
        () ->
            assertEquals(
                List.of("InitiateAuth:USER_SRP_AUTH", "RespondToAuthChallenge:PASSWORD_VERIFIER"),
                texts(step.path("details").path("calls"))),
        () -> assertTrue(step.path("ok").asBoolean(), step::toString));
  }

  @Test
  void whenTheSdkSignsInAgainAndAgainThenEverySrpHandshakeSucceeds() {
    JsonNode details = passed("repeatedSignIns");
    assertEquals(5, details.path("count").asInt());
  }

  @Test
  void whenTheAppRestoresTheSessionFromStorageThenGetSessionReturnsTheSignInTokens() {
    JsonNode details = passed("getSession");
    assertTrue(details.path("sameTokensAsSignIn").asBoolean());
    assertEquals(USERNAME, details.path("username").asText());
  }

  @Test
  void whenAwsJwtVerifyChecksTheIdTokenThenIssuerAudienceAndTokenUseMatch() {
    JsonNode claims = passed("verifyIdToken").path("claims");
    assertEquals(server.endpoint() + "/" + poolId, claims.path("iss").asText());
    assertEquals("id", claims.path("token_use").asText());
    assertEquals(clientId, claims.path("aud").asText());
    assertEquals(USERNAME, claims.path("cognito:username").asText());
  }

  @Test
  void whenAwsJwtVerifyChecksTheAccessTokenThenIssuerClientIdAndScopeMatch() {
    JsonNode details = passed("verifyAccessToken");
    JsonNode claims = details.path("claims");
    assertEquals(server.endpoint() + "/" + poolId, claims.path("iss").asText());
    assertEquals("access", claims.path("token_use").asText());
    assertEquals(clientId, claims.path("client_id").asText());
    assertFalse(claims.has("aud"));
    assertEquals(USERNAME, claims.path("username").asText());
    assertTrue(
        Set.of(claims.path("scope").asText().split(" ")).contains("aws.cognito.signin.user.admin"));
    assertTrue(details.path("jwksFetches").asInt() >= 1, "the JWKS was fetched from the jwksUri");
  }

  @Test
  void whenATokenSignatureIsTamperedThenAwsJwtVerifyRefusesIt() {
    passed("verifyRejectsTamperedToken");
    assertEquals(
        "JwtInvalidSignatureError", steps.get("verifyRejectsTamperedToken").path("code").asText());
  }

  @Test
  void whenTheSdkRefreshesTheSessionThenNewTokensKeepAuthTimeAndOriginJti() {
    JsonNode details = passed("refreshSession");
    assertEquals(List.of("InitiateAuth:REFRESH_TOKEN_AUTH"), texts(details.path("calls")));
    assertTrue(details.path("newTokens").asBoolean());
    assertTrue(details.path("sameRefreshToken").asBoolean(), "no rotation unless configured");
    assertTrue(details.path("authTimeKept").asBoolean());
    assertTrue(details.path("originJtiKept").asBoolean());
    assertEquals("id", passed("verifyRefreshedIdToken").path("claims").path("token_use").asText());
    assertEquals(
        "access", passed("verifyRefreshedAccessToken").path("claims").path("token_use").asText());
  }

  @Test
  void whenTheSdkChangesThePasswordThenTheNewPasswordSignsIn() {
    JsonNode details = passed("changePassword");
    assertEquals("SUCCESS", details.path("result").asText());
    assertEquals(List.of("ChangePassword"), texts(details.path("calls")));
    passed("signInWithNewPassword");
  }

  @Test
  void whenTheSdkSignsOutGloballyThenTheOldRefreshTokenIsRefused() {
    JsonNode details = passed("globalSignOut");
    assertEquals(List.of("GlobalSignOut"), texts(details.path("calls")));
    JsonNode refused = steps.get("refreshAfterGlobalSignOut");
    assertEquals("NotAuthorizedException", refused.path("code").asText(), refused::toString);
    assertEquals(
        "Refresh Token has been revoked", refused.path("message").asText(), refused::toString);
    passed("refreshAfterGlobalSignOut");
  }

  @Test
  void whenTheSdkSignsUpThenTheEmailedCodeConfirmsTheRegistration() {
    JsonNode signUp = passed("signUp");
    assertFalse(signUp.path("userConfirmed").asBoolean());
    assertEquals("EMAIL", signUp.path("codeDeliveryDetails").path("DeliveryMedium").asText());
    assertEquals("b***@e***", signUp.path("codeDeliveryDetails").path("Destination").asText());
    assertEquals(List.of("SignUp"), texts(signUp.path("calls")));
    JsonNode confirm = passed("confirmRegistration");
    assertEquals("CustomMessage_SignUp", confirm.path("triggerSource").asText());
    assertEquals(List.of("ConfirmSignUp"), texts(confirm.path("calls")));
  }

  @Test
  void whenTheSdkAsksForAnEmailCodeThenVerifyAttributeAcceptsIt() {
    JsonNode asked = passed("getAttributeVerificationCode");
    assertEquals(
        "email", asked.path("delivery").path("CodeDeliveryDetails").path("AttributeName").asText());
    assertTrue(texts(asked.path("calls")).contains("GetUserAttributeVerificationCode"));
    JsonNode verified = passed("verifyAttribute");
    assertEquals("CustomMessage_VerifyUserAttribute", verified.path("triggerSource").asText());
    assertEquals("true", verified.path("emailVerified").asText());
    assertEquals(List.of("VerifyUserAttribute", "GetUser"), texts(verified.path("calls")));
  }

  @Test
  void knownGapsStillFail() {
    List<String> closed = new ArrayList<>();
    for (Map.Entry<String, String> gap : new java.util.TreeMap<>(KNOWN_GAPS).entrySet()) {
      JsonNode step = steps.get(gap.getKey());
      if (step != null && step.path("ok").asBoolean()) {
        closed.add(gap.getKey() + " (" + gap.getValue() + ")");
      }
    }
    assertTrue(
        closed.isEmpty(),
        () ->
            "These known gaps now pass: remove them from KNOWN_GAPS and assert them "
                + "like the other steps: "
                + closed);
    Set<String> unknown = new TreeSet<>(KNOWN_GAPS.keySet());
    unknown.removeAll(STEPS);
    assertTrue(
        unknown.isEmpty(), () -> "KNOWN_GAPS names steps the scenario does not run: " + unknown);
  }

  /** The step's details after asserting it passed; its JSON line is the failure message. */
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
