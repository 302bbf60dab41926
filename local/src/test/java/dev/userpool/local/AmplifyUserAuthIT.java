package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * The real Amplify JS v6 ({@code aws-amplify}, pinned in local/src/test/amplify/package-lock.json)
 * signs in without a password: {@code signIn} with authFlowType USER_AUTH and preferredChallenge
 * EMAIL_OTP, then {@code confirmSignIn} with the code from the local outbox, then {@code
 * fetchAuthSession}. Needs Node.js 18+ and npm.
 */
class AmplifyUserAuthIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenAmplifySignsInWithEmailOtpThenConfirmSignInWithTheMailedCodeSignsIn() throws Exception {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.policies(
                    p ->
                        p.signInPolicy(
                            s ->
                                s.allowedFirstAuthFactors(
                                    AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP))));
    String clientId =
        SignInFixtures.client(
                cognito,
                poolId,
                b ->
                    b.explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "amy",
        AttributeType.builder().name("email").value("amy@example.com").build(),
        AttributeType.builder().name("email_verified").value("true").build());
    NodeProject amplify = NodeProject.testDirectory("amplify");
    amplify.install(Duration.ofMinutes(5));

    NodeProject.Result run =
        amplify.node(
            "user-auth-email-otp.mjs",
            Map.of(
                "ENDPOINT",
                server.endpoint(),
                "USER_POOL_ID",
                poolId,
                "CLIENT_ID",
                clientId,
                "USERNAME",
                "amy"),
            Duration.ofMinutes(2));

    List<JsonNode> steps = run.jsonLines();
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    assertEquals("signIn", steps.get(0).get("step").asText());
    assertEquals(false, steps.get(0).get("isSignedIn").asBoolean());
    assertEquals("CONFIRM_SIGN_IN_WITH_EMAIL_CODE", steps.get(0).get("signInStep").asText());
    assertEquals("EMAIL", steps.get(0).get("deliveryMedium").asText());
    assertEquals(true, steps.get(1).get("isSignedIn").asBoolean(), steps.toString());
    assertEquals("DONE", steps.get(1).get("signInStep").asText());
    assertEquals("amy", steps.get(2).get("username").asText());
    assertEquals("access", steps.get(2).get("tokenUse").asText());
    assertEquals("amy@example.com", steps.get(2).get("idTokenEmail").asText());
  }
}
