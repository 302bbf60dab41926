package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

/**
 * The certified relying party npm {@code openid-client} (src/test/js/openid-client-scenario.mjs)
 * runs the code flow with PKCE against the local server, from discovery through the hosted sign-in
 * page to the token endpoint (with its own ID token validation: signature from the JWKS, issuer,
 * audience, nonce), userinfo and refresh.
 */
class OpenIdClientIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final String REDIRECT = "http://localhost:3000/callback";
  private static final List<String> STEPS =
      List.of(
          "discovery",
          "hostedSignIn",
          "authorizationCodeGrant",
          "userinfo",
          "refreshTokenGrant",
          "codeReuseRefused");

  private static NodeProject.Result run;
  private static Map<String, JsonNode> steps;
  private static String poolId;
  private static String clientId;

  @BeforeAll
  static void runTheScenario() throws Exception {
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    CognitoIdentityProviderClient cognito = server.client();
    poolId = SignInFixtures.pool(cognito);
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("openid-client-it"));
    clientId =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("spa")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid", "email", "profile")
                        .callbackURLs(REDIRECT)
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient()
            .clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "rp-user",
        AttributeType.builder().name("email").value("rp@example.com").build());
    run =
        js.node(
            "openid-client-scenario.mjs",
            Map.of(
                "USERPOOL_ENDPOINT",
                server.endpoint(),
                "USERPOOL_POOL_ID",
                poolId,
                "USERPOOL_CLIENT_ID",
                clientId,
                "USERPOOL_REDIRECT_URI",
                REDIRECT,
                "USERPOOL_USERNAME",
                "rp-user",
                "USERPOOL_PASSWORD",
                SignInFixtures.PASSWORD),
            Duration.ofMinutes(2));
    steps = new LinkedHashMap<>();
    for (JsonNode line : run.jsonLines()) {
      steps.put(line.path("step").asText(), line);
    }
  }

  private static JsonNode passed(String step) {
    JsonNode line = steps.get(step);
    assertTrue(
        line != null && line.path("ok").asBoolean(),
        () -> step + " did not pass:\n" + run.stdout() + run.stderr());
    return line;
  }

  @Test
  void whenTheScenarioRunsThenEveryStepPassesAndNodeExitsCleanly() {
    assertEquals(STEPS, List.copyOf(steps.keySet()), () -> run.stdout() + run.stderr());
    assertEquals(0, run.exitCode(), () -> run.stdout() + run.stderr());
  }

  @Test
  void whenDiscoveredThenTheEndpointsAreTheServersOwn() {
    JsonNode d = passed("discovery");
    assertEquals(server.endpoint() + "/" + poolId, d.path("issuer").asText());
    assertEquals(server.endpoint() + "/oauth2/token", d.path("token_endpoint").asText());
    assertEquals(
        server.endpoint() + "/oauth2/authorize", d.path("authorization_endpoint").asText());
  }

  @Test
  void whenTheCodeIsExchangedThenOpenIdClientAcceptsTheIdTokenWithItsNonce() {
    JsonNode t = passed("authorizationCodeGrant");
    assertEquals(clientId, t.path("aud").asText());
    assertEquals("rp@example.com", t.path("email").asText());
    assertTrue(t.path("hasRefresh").asBoolean());
    assertEquals("bearer", t.path("token_type").asText().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void whenUserInfoAndRefreshAreCalledThenTheyAnswerForTheSameUser() {
    String sub = passed("authorizationCodeGrant").path("sub").asText();
    JsonNode info = passed("userinfo");
    assertEquals(sub, info.path("sub").asText());
    assertEquals("rp-user", info.path("username").asText());
    assertEquals(sub, passed("refreshTokenGrant").path("sub").asText());
  }

  @Test
  void whenTheCodeIsUsedTwiceThenInvalidGrant() {
    assertEquals("invalid_grant", passed("codeReuseRefused").path("error").asText());
  }
}
