package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;

/**
 * The real Amplify JS v6 ({@code aws-amplify}, pinned in local/src/test/amplify/package-lock.json)
 * with passkeys: {@code associateWebAuthnCredential} after a password sign-in, {@code
 * listWebAuthnCredentials}, {@code signIn} with USER_AUTH and preferredChallenge WEB_AUTHN (Amplify
 * answers the challenge through navigator.credentials.get), {@code deleteWebAuthnCredential}. The
 * scenario (passkeys.mjs) gives Node the browser's WebAuthn globals backed by a software
 * authenticator with its own P-256 key. Needs Node.js 18+ and npm.
 */
class AmplifyPasskeysIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenAmplifyAssociatesAPasskeyThenItSignsInWithItAndDeletesIt() throws Exception {
    String poolId =
        PasskeyFixtures.pool(cognito, AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);
    PasskeyFixtures.relyingParty(cognito, poolId, "example.com");
    String clientId = PasskeyFixtures.userAuthClient(cognito, poolId);
    SignInFixtures.confirmedUser(cognito, poolId, "ada");
    NodeProject amplify = NodeProject.testDirectory("amplify");
    amplify.install(Duration.ofMinutes(5));

    NodeProject.Result run =
        amplify.node(
            "passkeys.mjs",
            Map.of(
                "ENDPOINT",
                server.endpoint(),
                "USER_POOL_ID",
                poolId,
                "CLIENT_ID",
                clientId,
                "USERNAME",
                "ada",
                "PASSWORD",
                PASSWORD,
                "ORIGIN",
                "https://app.example.com"),
            Duration.ofMinutes(2));

    List<JsonNode> steps = run.jsonLines();
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    assertEquals(true, steps.get(0).get("isSignedIn").asBoolean());
    JsonNode associated = steps.get(1);
    assertEquals("associated", associated.get("step").asText(), steps.toString());
    assertEquals(1, associated.get("count").asInt());
    assertEquals(associated.get("ownId").asText(), associated.get("credentialId").asText());
    assertEquals("example.com", associated.get("relyingPartyId").asText());
    JsonNode passkeySignIn = steps.get(2);
    assertEquals(true, passkeySignIn.get("isSignedIn").asBoolean(), steps.toString());
    assertEquals("DONE", passkeySignIn.get("signInStep").asText());
    assertEquals("ada", passkeySignIn.get("username").asText());
    assertEquals(2, passkeySignIn.get("counter").asInt()); // registration, then one assertion
    assertEquals(0, steps.get(3).get("count").asInt());
  }
}
