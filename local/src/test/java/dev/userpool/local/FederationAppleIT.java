package dev.userpool.local;

import static dev.userpool.local.FederationFixtures.assertSocialIdentity;
import static dev.userpool.local.FederationFixtures.assertTriggersRanFor;
import static dev.userpool.local.FederationFixtures.attribute;
import static dev.userpool.local.FederationFixtures.freePort;
import static dev.userpool.local.FederationOidcIT.claims;
import static dev.userpool.local.FederationOidcIT.throughProvider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.local.FederationFixtures.Setup;
import dev.userpool.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Sign in with Apple: the pool redirects to Apple's authorize endpoint with response_mode=form_post
 * (name and email are asked for), receives Apple's answer as a POST at /oauth2/idpresponse, redeems
 * the code with an ES256 client secret signed by the provider's private_key, verifies the ID token
 * and reads the name from the first sign-in's {@code user} field. Apple is out of reach, so the
 * local server's test-only {@code --social-provider-base-url} points the type at the npm
 * oidc-provider run by {@code apple-provider-server.mjs}, which verifies each client secret with
 * the key pair's public key (jose) and answers in form_post with Apple's {@code user} field.
 */
class FederationAppleIT {
  private static final int PROVIDER_PORT = freePort();
  private static final String ISSUER = "http://127.0.0.1:" + PROVIDER_PORT;
  private static final String SERVICES_ID = "com.example.userpool.web";
  private static final String TEAM_ID = "TEAM123456";
  private static final String KEY_ID = "KEY1234567";
  private static final KeyPair KEYS = keyPair();

  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort()
              .withLambdaEndpoint(lambda.endpoint())
              .withSocialProviderBaseUrls(Map.of("SignInWithApple", ISSUER)));

  private static NodeProject.Running provider;
  private final CognitoIdentityProviderClient cognito = server.client();

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  @BeforeAll
  static void startProvider() throws Exception {
    provider =
        FederationFixtures.startProvider(
            "apple-provider-server.mjs",
            Map.of(
                "APPLE_CLIENT_ID",
                SERVICES_ID,
                "APPLE_TEAM_ID",
                TEAM_ID,
                "APPLE_KEY_ID",
                KEY_ID,
                "APPLE_PUBLIC_KEY",
                pem("PUBLIC KEY", KEYS.getPublic().getEncoded()),
                "OIDC_REDIRECT_URI",
                server.endpoint() + "/oauth2/idpresponse",
                "OIDC_PORT",
                Integer.toString(PROVIDER_PORT)),
            ISSUER);
  }

  @AfterAll
  static void stopProvider() throws Exception {
    FederationFixtures.stop(provider);
  }

  private static Map<String, String> details(KeyPair keys) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("client_id", SERVICES_ID);
    details.put("team_id", TEAM_ID);
    details.put("key_id", KEY_ID);
    details.put("private_key", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    details.put("authorize_scopes", "email name");
    return details;
  }

  private Setup setup(String name, KeyPair keys) {
    String poolId = FederationFixtures.poolWithDomain(cognito, name, "a");
    cognito.createIdentityProvider(
        r ->
            r.userPoolId(poolId)
                .providerName("SignInWithApple")
                .providerType(IdentityProviderTypeType.SIGN_IN_WITH_APPLE)
                .providerDetails(details(keys))
                .attributeMapping(
                    Map.of(
                        "email", "email",
                        "given_name", "firstName",
                        "family_name", "lastName",
                        "name", "name",
                        "username", "sub")));
    return new Setup(poolId, FederationFixtures.webClient(cognito, poolId, "SignInWithApple"));
  }

  private String authorize(Setup s) {
    return FederationFixtures.authorize(server.endpoint(), s, "SignInWithApple");
  }

  private JsonNode signIn(Setup s, String username) throws Exception {
    return FederationFixtures.signInThroughProvider(
        server.endpoint(), s, "SignInWithApple", username);
  }

  /** The client secrets the stand-in's token endpoint saw, in order. */
  private static JsonNode secretsSeen() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ISSUER + "/_test/client-secrets")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return Json.read(r.body());
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  @Test
  void whenAppleProviderIsCreatedThenDescribeShowsApplesEndpointsAndNeverThePrivateKey()
      throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    Setup s = setup("apple-details", KEYS);

    Map<String, String> shown =
        cognito
            .describeIdentityProvider(r -> r.userPoolId(s.poolId()).providerName("SignInWithApple"))
            .identityProvider()
            .providerDetails();
    assertEquals(
        Map.of(
            "attributes_url_add_attributes", "false",
            "authorize_scopes", "email name",
            "authorize_url", "https://appleid.apple.com/auth/authorize",
            "client_id", SERVICES_ID,
            "key_id", KEY_ID,
            "oidc_issuer", "https://appleid.apple.com",
            "team_id", TEAM_ID,
            "token_request_method", "POST",
            "token_url", "https://appleid.apple.com/auth/token"),
        shown);

    // update without the private_key (Describe never shows it): the stored one stays
    Map<String, String> changed = new LinkedHashMap<>(shown);
    changed.put("authorize_scopes", "name email");
    assertFalse(
        cognito
            .updateIdentityProvider(
                r ->
                    r.userPoolId(s.poolId())
                        .providerName("SignInWithApple")
                        .providerDetails(changed))
            .identityProvider()
            .providerDetails()
            .containsKey("private_key"));
    // … and still signs the client secret: sign-in works after the update
    JsonNode tokens = signIn(s, "000789.kept");
    assertEquals(
        "SignInWithApple_000789.kept",
        claims(tokens.get("id_token").asText()).get("cognito:username").asText());
    assertTrue(last(secretsSeen()).get("verified").asBoolean());

    // each required detail is checked
    InvalidParameterException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidParameterException.class,
            () -> {
              Map<String, String> missing = details(KEYS);
              missing.remove("team_id");
              cognito.createIdentityProvider(
                  r ->
                      r.userPoolId(s.poolId())
                          .providerName("SignInWithApple")
                          .providerType(IdentityProviderTypeType.SIGN_IN_WITH_APPLE)
                          .providerDetails(missing));
            });
    assertEquals(
        "team_id is required for the SignInWithApple provider type.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenUserSignsInWithAppleThenThePoolCreatesTheUserFromTheIdTokenAndTheUserField()
      throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    Setup s = setup("apple", KEYS);

    // the redirect to Apple: form_post because name and email are asked for, with a nonce
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> toApple = browser.get(authorize(s));
    assertEquals(302, toApple.statusCode());
    String location = HostedBrowser.location(toApple);
    assertTrue(location.startsWith(ISSUER + "/auth?"), location);
    Map<String, String> query = HostedBrowser.parameters(location, false);
    assertEquals("form_post", query.get("response_mode"));
    assertEquals("email name", query.get("scope"));
    assertEquals(SERVICES_ID, query.get("client_id"));
    assertEquals(server.endpoint() + "/oauth2/idpresponse", query.get("redirect_uri"));
    assertTrue(query.get("nonce").length() >= 20, location);

    JsonNode tokens =
        FederationOidcIT.tokens(
            server.endpoint(), s.clientId(), throughProvider(browser, authorize(s), "000123.jane"));

    JsonNode secret = last(secretsSeen());
    assertTrue(secret.get("verified").asBoolean(), secret.toString());
    assertEquals("ES256", secret.at("/header/alg").asText());
    assertEquals(KEY_ID, secret.at("/header/kid").asText());
    assertEquals(TEAM_ID, secret.at("/claims/iss").asText());
    assertEquals(SERVICES_ID, secret.at("/claims/sub").asText());
    assertEquals("https://appleid.apple.com", secret.at("/claims/aud").asText());
    long lifetime = secret.at("/claims/exp").asLong() - secret.at("/claims/iat").asLong();
    assertTrue(lifetime > 0 && lifetime <= 600, secret.toString());

    JsonNode id = claims(tokens.get("id_token").asText());
    assertEquals("SignInWithApple_000123.jane", id.get("cognito:username").asText());
    assertEquals("000123.jane@privaterelay.appleid.com", id.get("email").asText());
    assertEquals("First-000123.jane", id.get("given_name").asText());
    assertEquals("Last-000123.jane", id.get("family_name").asText());
    assertSocialIdentity(id, "000123.jane", "SignInWithApple");

    AdminGetUserResponse user =
        cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("SignInWithApple_000123.jane"));
    assertEquals(UserStatusType.EXTERNAL_PROVIDER, user.userStatus());
    assertEquals("First-000123.jane Last-000123.jane", attribute(user, "name"));
    assertTriggersRanFor(lambda, "SignInWithApple_000123.jane");

    // second sign-in: Apple sends no user field any more; the same user keeps its name
    JsonNode again = signIn(s, "000123.jane");
    JsonNode second = claims(again.get("id_token").asText());
    assertEquals(id.get("sub").asText(), second.get("sub").asText());
    assertEquals("First-000123.jane", second.get("given_name").asText());
    assertEquals(1, cognito.listUsers(r -> r.userPoolId(s.poolId())).users().size());
    assertTrue(last(secretsSeen()).get("verified").asBoolean());
  }

  @Test
  void whenThePrivateKeyIsNotTheOneAppleKnowsThenTheTokenRequestIsRefusedAndNoUserIsCreated()
      throws Exception {
    Setup s = setup("apple-wrong-key", keyPair());

    String back = throughProvider(new HostedBrowser(), authorize(s), "000456.mallory");

    Map<String, String> answer = HostedBrowser.parameters(back, false);
    assertEquals("invalid_request", answer.get("error"), back);
    assertEquals(
        "Error from the identity provider's token endpoint.", answer.get("error_description"));
    assertEquals("app-state-1", answer.get("state"));
    assertNull(answer.get("code"));
    JsonNode secret = last(secretsSeen());
    assertFalse(secret.get("verified").asBoolean(), secret.toString());
    assertEquals(KEY_ID, secret.at("/header/kid").asText());
    assertEquals(0, cognito.listUsers(r -> r.userPoolId(s.poolId())).users().size());
  }
}
