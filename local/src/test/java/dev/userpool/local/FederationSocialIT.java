package dev.userpool.local;

import static dev.userpool.local.FederationFixtures.assertSocialIdentity;
import static dev.userpool.local.FederationFixtures.assertTriggersRanFor;
import static dev.userpool.local.FederationFixtures.attribute;
import static dev.userpool.local.FederationFixtures.freePort;
import static dev.userpool.local.FederationOidcIT.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.local.FederationFixtures.Setup;
import dev.userpool.protocol.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Sign-in with the social provider types: the pool stores their fixed endpoints as Cognito shows
 * them. Google is the OIDC code flow against them; Facebook and Login with Amazon the plain OAuth
 * 2.0 code flow with the profile read from the attributes URL. The real providers are out of reach,
 * so the local server runs with its test-only {@code --social-provider-base-url TYPE=URL} pointing
 * all three at the npm oidc-provider (a certified OpenID Provider whose ID tokens carry the scopes'
 * claims as Google's do, and whose userinfo serves {@code id} and {@code user_id} as Facebook's and
 * Amazon's profiles do); the users are Google_&lt;sub&gt;, Facebook_&lt;id&gt; and
 * LoginWithAmazon_&lt;user_id&gt; with identities whose issuer is null.
 */
class FederationSocialIT {
  private static final int PROVIDER_PORT = freePort();
  private static final String ISSUER = "http://127.0.0.1:" + PROVIDER_PORT;
  private static final String GOOGLE_CLIENT_ID = "1234-userpool.apps.googleusercontent.com";
  private static final String GOOGLE_CLIENT_SECRET = "google-secret-the-pool-keeps-0123456789";

  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort()
              .withLambdaEndpoint(lambda.endpoint())
              .withSocialProviderBaseUrls(
                  Map.of("Google", ISSUER, "Facebook", ISSUER, "LoginWithAmazon", ISSUER)));

  private static NodeProject.Running provider;
  private final CognitoIdentityProviderClient cognito = server.client();

  @BeforeAll
  static void startProvider() throws Exception {
    provider =
        FederationFixtures.startProvider(
            "oidc-provider-server.mjs",
            Map.of(
                "OIDC_CLIENT_ID",
                GOOGLE_CLIENT_ID,
                "OIDC_CLIENT_SECRET",
                GOOGLE_CLIENT_SECRET,
                "OIDC_REDIRECT_URI",
                server.endpoint() + "/oauth2/idpresponse",
                "OIDC_PORT",
                Integer.toString(PROVIDER_PORT),
                "OIDC_ID_TOKEN_CLAIMS",
                "all",
                "OIDC_PROFILE_IDS",
                "1"),
            ISSUER);
  }

  @AfterAll
  static void stopProvider() throws Exception {
    FederationFixtures.stop(provider);
  }

  private Setup setup(String name) {
    return setup(name, IdentityProviderTypeType.GOOGLE, "sub");
  }

  /** A pool whose provider of {@code type} (named after it) maps {@code subject} to username. */
  private Setup setup(String name, IdentityProviderTypeType type, String subject) {
    String poolId = FederationFixtures.poolWithDomain(cognito, name, "g");
    cognito.createIdentityProvider(
        r ->
            r.userPoolId(poolId)
                .providerName(type.toString())
                .providerType(type)
                .providerDetails(
                    Map.of(
                        "client_id", GOOGLE_CLIENT_ID,
                        "client_secret", GOOGLE_CLIENT_SECRET,
                        "authorize_scopes", "openid email profile"))
                .attributeMapping(Map.of("email", "email", "name", "name", "username", subject)));
    return new Setup(poolId, FederationFixtures.webClient(cognito, poolId, type.toString()));
  }

  private JsonNode signIn(Setup s, String provider, String username) throws Exception {
    return FederationFixtures.signInThroughProvider(server.endpoint(), s, provider, username);
  }

  @Test
  void whenGoogleProviderIsCreatedThenItsDetailsShowGooglesFixedEndpoints() {
    Setup s = setup("google-details");
    IdentityProviderType described =
        cognito
            .describeIdentityProvider(r -> r.userPoolId(s.poolId()).providerName("Google"))
            .identityProvider();
    Map<String, String> details = described.providerDetails();
    assertEquals("https://accounts.google.com/o/oauth2/v2/auth", details.get("authorize_url"));
    assertEquals("https://www.googleapis.com/oauth2/v4/token", details.get("token_url"));
    assertEquals(
        "https://people.googleapis.com/v1/people/me?personFields=", details.get("attributes_url"));
    assertEquals("true", details.get("attributes_url_add_attributes"));
    assertEquals("https://accounts.google.com", details.get("oidc_issuer"));
    assertEquals(GOOGLE_CLIENT_ID, details.get("client_id"));

    // a Google provider must be named Google
    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.createIdentityProvider(
                    r ->
                        r.userPoolId(s.poolId())
                            .providerName("MyGoogle")
                            .providerType(IdentityProviderTypeType.GOOGLE)
                            .providerDetails(
                                Map.of(
                                    "client_id", "c",
                                    "client_secret", "s",
                                    "authorize_scopes", "openid"))));
    assertEquals("Provider MyGoogle cannot be of type Google.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenUserSignsInWithGoogleThenThePoolCreatesGoogleUserAndIssuesItsTokens() throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    Setup s = setup("google");

    JsonNode tokens = signIn(s, "Google", "carol");

    JsonNode id = claims(tokens.get("id_token").asText());
    assertEquals("Google_carol", id.get("cognito:username").asText());
    assertEquals("carol@idp.example", id.get("email").asText());
    assertEquals("carol at the provider", id.get("name").asText());
    assertSocialIdentity(id, "carol", "Google");

    AdminGetUserResponse user =
        cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("Google_carol"));
    assertEquals(UserStatusType.EXTERNAL_PROVIDER, user.userStatus());
    assertEquals("carol@idp.example", attribute(user, "email"));
    JsonNode stored = Json.read(attribute(user, "identities")).get(0);
    assertEquals("Google", stored.get("providerType").asText());
    assertTrue(stored.get("issuer").isNull(), stored.toString());
    assertTriggersRanFor(lambda, "Google_carol");

    // second sign-in: the same user, no new one
    JsonNode again = signIn(s, "Google", "carol");
    assertEquals(
        id.get("sub").asText(), claims(again.get("id_token").asText()).get("sub").asText());
    assertEquals(1, cognito.listUsers(r -> r.userPoolId(s.poolId())).users().size());
  }

  @Test
  void whenFacebookAndAmazonProvidersAreCreatedThenTheirDetailsShowTheirFixedEndpoints() {
    Setup facebook = setup("facebook-details", IdentityProviderTypeType.FACEBOOK, "id");
    Map<String, String> fb =
        cognito
            .describeIdentityProvider(r -> r.userPoolId(facebook.poolId()).providerName("Facebook"))
            .identityProvider()
            .providerDetails();
    assertEquals("https://www.facebook.com/v17.0/dialog/oauth", fb.get("authorize_url"));
    assertEquals("https://graph.facebook.com/v17.0/oauth/access_token", fb.get("token_url"));
    assertEquals("GET", fb.get("token_request_method"));
    assertEquals("https://graph.facebook.com/v17.0/me?fields=", fb.get("attributes_url"));
    assertEquals("true", fb.get("attributes_url_add_attributes"));

    Setup amazon = setup("amazon-details", IdentityProviderTypeType.LOGIN_WITH_AMAZON, "user_id");
    Map<String, String> lwa =
        cognito
            .describeIdentityProvider(
                r -> r.userPoolId(amazon.poolId()).providerName("LoginWithAmazon"))
            .identityProvider()
            .providerDetails();
    assertEquals("https://www.amazon.com/ap/oa", lwa.get("authorize_url"));
    assertEquals("https://api.amazon.com/auth/o2/token", lwa.get("token_url"));
    assertEquals("https://api.amazon.com/user/profile", lwa.get("attributes_url"));
  }

  @Test
  void whenUserSignsInWithFacebookThenTheUserIsFacebookAndTheProfilesId() throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    Setup s = setup("facebook", IdentityProviderTypeType.FACEBOOK, "id");

    JsonNode tokens = signIn(s, "Facebook", "dave");

    JsonNode id = claims(tokens.get("id_token").asText());
    assertEquals("Facebook_dave", id.get("cognito:username").asText());
    assertEquals("dave@idp.example", id.get("email").asText());
    assertSocialIdentity(id, "dave", "Facebook");
    assertEquals(
        UserStatusType.EXTERNAL_PROVIDER,
        cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("Facebook_dave")).userStatus());
  }

  @Test
  void whenUserSignsInWithAmazonThenTheUserIsLoginWithAmazonAndTheProfilesUserId()
      throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    Setup s = setup("amazon", IdentityProviderTypeType.LOGIN_WITH_AMAZON, "user_id");

    JsonNode tokens = signIn(s, "LoginWithAmazon", "erin");

    JsonNode id = claims(tokens.get("id_token").asText());
    assertEquals("LoginWithAmazon_amzn1.account.erin", id.get("cognito:username").asText());
    assertEquals("erin at the provider", id.get("name").asText());
    assertSocialIdentity(id, "amzn1.account.erin", "LoginWithAmazon");
    assertEquals(
        "LoginWithAmazon_amzn1.account.erin",
        lambda.lastEvent("postconf").get("userName").asText());
  }
}
