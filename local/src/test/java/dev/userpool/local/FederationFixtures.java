package dev.userpool.local;

import static dev.userpool.local.FakeLambda.arn;
import static dev.userpool.local.FederationOidcIT.CALLBACK;
import static dev.userpool.local.FederationOidcIT.throughProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

/**
 * The set-up of the social-provider ITs, whose browser signs in through a stand-in provider: a pool
 * with a domain and the PreSignUp/PostConfirmation functions {@code presignup} and {@code postconf}
 * of the test's {@link FakeLambda}, a web client of one provider, and the authorize URL that sends
 * the browser there.
 */
final class FederationFixtures {
  private FederationFixtures() {}

  /** A pool and its web client. */
  record Setup(String poolId, String clientId) {}

  /** A port nobody listens on yet, for a provider that must know its issuer before it starts. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts a stand-in provider from the test JavaScript project ({@code npm ci} first if needed)
   * and checks it serves {@code issuer}.
   */
  static NodeProject.Running startProvider(String script, Map<String, String> env, String issuer)
      throws Exception {
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    NodeProject.Running provider = js.start(script, env, Duration.ofSeconds(60));
    assertEquals(issuer, provider.ready().get("issuer").asText());
    return provider;
  }

  /** Stops a provider that was started, if it was. */
  static void stop(NodeProject.Running provider) throws Exception {
    if (provider != null) {
      provider.close();
    }
  }

  /** A pool named {@code name} with the two triggers and a domain {@code <prefix>-<pool id>}. */
  static String poolWithDomain(CognitoIdentityProviderClient cognito, String name, String prefix) {
    String poolId =
        cognito
            .createUserPool(
                b ->
                    b.poolName(name)
                        .lambdaConfig(
                            c -> c.preSignUp(arn("presignup")).postConfirmation(arn("postconf"))))
            .userPool()
            .id();
    cognito.createUserPoolDomain(
        r -> r.userPoolId(poolId).domain(prefix + "-" + poolId.toLowerCase().replace("_", "-")));
    return poolId;
  }

  /** A code-flow client redirecting to {@link FederationOidcIT#CALLBACK}, for one provider. */
  static String webClient(CognitoIdentityProviderClient cognito, String poolId, String provider) {
    return cognito
        .createUserPoolClient(
            r ->
                r.userPoolId(poolId)
                    .clientName("web")
                    .allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid", "email", "profile")
                    .callbackURLs(CALLBACK)
                    .supportedIdentityProviders(provider))
        .userPoolClient()
        .clientId();
  }

  /** The app's /oauth2/authorize request that goes straight to {@code provider}. */
  static String authorize(String endpoint, Setup s, String provider) {
    return endpoint
        + "/oauth2/authorize?response_type=code&client_id="
        + s.clientId()
        + "&redirect_uri="
        + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
        + "&scope=openid%20email%20profile&state=app-state-1&identity_provider="
        + provider;
  }

  /**
   * Signs in as {@code username} at the provider in a fresh browser, from the app's authorize
   * request to the tokens for the code the app receives.
   */
  static JsonNode signInThroughProvider(String endpoint, Setup s, String provider, String username)
      throws Exception {
    return FederationOidcIT.tokens(
        endpoint,
        s.clientId(),
        throughProvider(new HostedBrowser(), authorize(endpoint, s, provider), username));
  }

  /**
   * The ID token's only identity is the social provider's: its user id, the provider named after
   * its type, and no issuer (Cognito's null for social providers).
   */
  static void assertSocialIdentity(JsonNode idClaims, String userId, String providerType) {
    JsonNode identity = idClaims.get("identities").get(0);
    assertEquals(userId, identity.get("userId").asText());
    assertEquals(providerType, identity.get("providerName").asText());
    assertEquals(providerType, identity.get("providerType").asText());
    assertTrue(identity.get("issuer").isNull(), identity.toString());
  }

  /** The pool's PreSignUp saw an external-provider sign-up and PostConfirmation this user. */
  static void assertTriggersRanFor(FakeLambda lambda, String username) {
    assertEquals(
        "PreSignUp_ExternalProvider", lambda.lastEvent("presignup").get("triggerSource").asText());
    assertEquals(username, lambda.lastEvent("postconf").get("userName").asText());
  }

  /** The user's attribute {@code name}, or null. */
  static String attribute(AdminGetUserResponse user, String name) {
    return user.userAttributes().stream()
        .filter(a -> a.name().equals(name))
        .map(AttributeType::value)
        .findFirst()
        .orElse(null);
  }
}
