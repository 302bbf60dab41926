package dev.userpool.oauth.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.operations.providers.OidcDiscovery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The social types' fixed endpoints, which FederationSocialIT cannot reach because its providers
 * stand in through the test-only base URLs.
 */
class SocialProvidersTest {
  private final SocialProviders social = new SocialProviders(Map.of(), new OidcDiscovery());

  private static IdentityProvider provider(
      String type, Map<String, String> details, Map<String, String> mapping) {
    return new IdentityProvider(
        "us-east-1_Pool",
        type,
        type,
        SocialProviders.storedDetails(type, details),
        mapping,
        List.of(),
        Instant.EPOCH,
        Instant.EPOCH,
        0);
  }

  private static final Map<String, String> GIVEN =
      Map.of("client_id", "c", "client_secret", "s", "authorize_scopes", "email");

  @Test
  void whenGoogleThenItsFixedEndpointsReplaceGivenOnesAndTheIdTokenIsCheckedAgainstGoogle() {
    Map<String, String> given = new LinkedHashMap<>(GIVEN);
    given.put("authorize_url", "https://attacker.example/authorize");
    IdentityProvider google = provider("Google", given, Map.of("email", "email"));

    assertEquals(
        "https://accounts.google.com/o/oauth2/v2/auth", google.details().get("authorize_url"));
    OidcProviderEndpoints endpoints = social.endpoints(google);
    assertEquals("https://accounts.google.com/o/oauth2/v2/auth", endpoints.authorizeUrl());
    assertEquals("https://www.googleapis.com/oauth2/v3/certs", endpoints.jwksUri());
    assertNull(endpoints.attributesUrl(), "the people API is not OIDC userinfo");
    assertTrue(endpoints.complete());
    assertEquals(
        Set.of("https://accounts.google.com", "accounts.google.com"),
        social.issuers(google, endpoints));
    assertNull(SocialProviders.recordedIssuer(google, "https://accounts.google.com"));
  }

  @Test
  void whenFacebookThenTokenIsRequestedByGetAndTheMappedFieldsAreAsked() {
    IdentityProvider facebook =
        provider("Facebook", GIVEN, Map.of("email", "email", "name", "name", "username", "id"));

    assertEquals("v17.0", facebook.details().get("api_version"));
    OidcProviderEndpoints endpoints = social.endpoints(facebook);
    assertTrue(endpoints.tokenByGet());
    assertEquals("https://graph.facebook.com/v17.0/oauth/access_token", endpoints.tokenUrl());
    assertTrue(endpoints.completeForOAuth());
    String url = endpoints.attributesUrl();
    assertTrue(url.startsWith("https://graph.facebook.com/v17.0/me?fields=id%2C"), url);
    assertTrue(url.contains("email") && url.contains("name"), url);
    assertEquals("id", SocialProviders.subjectField("Facebook"));

    Map<String, String> pinned = new LinkedHashMap<>(GIVEN);
    pinned.put("api_version", "v19.0");
    assertEquals(
        "https://www.facebook.com/v19.0/dialog/oauth",
        SocialProviders.storedDetails("Facebook", pinned).get("authorize_url"));
  }

  @Test
  void whenAmazonThenTokenIsPostedAndTheProfileIsReadAsIs() {
    IdentityProvider amazon = provider("LoginWithAmazon", GIVEN, Map.of("email", "email"));

    OidcProviderEndpoints endpoints = social.endpoints(amazon);
    assertFalse(endpoints.tokenByGet());
    assertEquals("https://www.amazon.com/ap/oa", endpoints.authorizeUrl());
    assertEquals("https://api.amazon.com/user/profile", endpoints.attributesUrl());
    assertEquals("user_id", SocialProviders.subjectField("LoginWithAmazon"));
    assertFalse(SocialProviders.hasIdToken("LoginWithAmazon"));
  }

  @Test
  void whenOidcOrSamlThenDetailsAreStoredAsGiven() {
    assertEquals(GIVEN, SocialProviders.storedDetails("OIDC", GIVEN));
    assertEquals(GIVEN, SocialProviders.storedDetails("SAML", GIVEN));
    assertEquals(GIVEN, SocialProviders.shownDetails("OIDC", GIVEN));
  }

  @Test
  void whenAppleThenItsFixedEndpointsAreStoredAndTheIdTokenIsCheckedAgainstApple() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("client_id", "com.example.web");
    given.put("team_id", "TEAM123456");
    given.put("key_id", "KEY1234567");
    given.put("private_key", "sealed:x");
    given.put("authorize_scopes", "email name");
    given.put("token_url", "https://attacker.example/token");
    IdentityProvider apple = provider("SignInWithApple", given, Map.of("email", "email"));

    // the API reference's Describe response for SignInWithApple
    Map<String, String> shown = SocialProviders.shownDetails("SignInWithApple", apple.details());
    assertEquals(
        Map.of(
            "attributes_url_add_attributes", "false",
            "authorize_scopes", "email name",
            "authorize_url", "https://appleid.apple.com/auth/authorize",
            "client_id", "com.example.web",
            "key_id", "KEY1234567",
            "oidc_issuer", "https://appleid.apple.com",
            "team_id", "TEAM123456",
            "token_request_method", "POST",
            "token_url", "https://appleid.apple.com/auth/token"),
        shown);
    assertEquals("sealed:x", apple.details().get("private_key"), "kept, but never shown");

    assertTrue(SocialProviders.signsInAtIdpResponse("SignInWithApple"));
    assertTrue(SocialProviders.hasIdToken("SignInWithApple"));
    OidcProviderEndpoints endpoints = social.endpoints(apple);
    assertEquals("https://appleid.apple.com/auth/authorize", endpoints.authorizeUrl());
    assertEquals("https://appleid.apple.com/auth/token", endpoints.tokenUrl());
    assertEquals("https://appleid.apple.com/auth/keys", endpoints.jwksUri());
    assertNull(endpoints.attributesUrl(), "Apple has no userinfo");
    assertFalse(endpoints.tokenByGet());
    assertTrue(endpoints.complete());
    assertEquals(Set.of("https://appleid.apple.com"), social.issuers(apple, endpoints));
    assertNull(SocialProviders.recordedIssuer(apple, "https://appleid.apple.com"));
  }
}
