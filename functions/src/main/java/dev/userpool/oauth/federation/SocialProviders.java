package dev.userpool.oauth.federation;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.operations.providers.OidcDiscovery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The social provider types whose endpoints Cognito fixes rather than the pool: Google's are the
 * keys the API reference shows DescribeIdentityProvider answering for a Google provider (added at
 * create, whatever the request gave). Sign-in with Google is the OIDC code flow against those
 * endpoints with the ID token checked against Google's JWKS.
 *
 * <p>{@code baseUrls} is a deployment setting for tests only (the local server's {@code
 * --social-provider-base-url Google=URL}): the named type's endpoints come from the discovery
 * document of that issuer instead, so a test can sign in through a local OpenID Provider. Pool
 * administrators cannot redirect a social type anywhere.
 */
public final class SocialProviders {
  public static final String GOOGLE = "Google";
  static final String GOOGLE_ISSUER = "https://accounts.google.com";
  static final String GOOGLE_JWKS = "https://www.googleapis.com/oauth2/v3/certs";

  /**
   * What Cognito adds to a Google provider's ProviderDetails (API reference, Describe response).
   */
  private static final Map<String, String> GOOGLE_DETAILS =
      Map.of(
          "authorize_url", "https://accounts.google.com/o/oauth2/v2/auth",
          "token_url", "https://www.googleapis.com/oauth2/v4/token",
          "token_request_method", "POST",
          "attributes_url", "https://people.googleapis.com/v1/people/me?personFields=",
          "attributes_url_add_attributes", "true",
          "oidc_issuer", GOOGLE_ISSUER);

  /** Google's ID tokens name either form of its issuer (Google's OpenID Connect reference). */
  private static final Set<String> GOOGLE_ISSUERS = Set.of(GOOGLE_ISSUER, "accounts.google.com");

  private final Map<String, String> baseUrls;
  private final OidcDiscovery discovery;

  public SocialProviders(Map<String, String> baseUrls, OidcDiscovery discovery) {
    this.baseUrls = baseUrls == null ? Map.of() : Map.copyOf(baseUrls);
    this.discovery = discovery;
  }

  /** Whether sign-in through this provider type is the OIDC code flow of {@link OidcFederation}. */
  static boolean signsInWithOidc(String type) {
    return type.equals("OIDC") || type.equals(GOOGLE);
  }

  /** The ProviderDetails stored for a new or updated provider of {@code type}. */
  public static Map<String, String> storedDetails(String type, Map<String, String> given) {
    if (!type.equals(GOOGLE)) {
      return given;
    }
    Map<String, String> out = new LinkedHashMap<>(given);
    out.putAll(GOOGLE_DETAILS);
    return out;
  }

  /**
   * Where the provider's endpoints are: a social type's fixed ones (or the test setting's), an OIDC
   * provider's from its ProviderDetails. Google's people API (attributes_url) is not OIDC userinfo,
   * so a Google sign-in reads the ID token's claims only.
   */
  OidcProviderEndpoints endpoints(IdentityProvider provider) {
    if (!provider.type().equals(GOOGLE)) {
      return OidcProviderEndpoints.of(provider, discovery);
    }
    String base = baseUrls.get(GOOGLE);
    if (base != null) {
      Map<String, String> found = discovery.complete(Map.of("oidc_issuer", base));
      return new OidcProviderEndpoints(
          base, found.get("authorize_url"), found.get("token_url"), null, found.get("jwks_uri"));
    }
    return new OidcProviderEndpoints(
        GOOGLE_ISSUER,
        GOOGLE_DETAILS.get("authorize_url"),
        GOOGLE_DETAILS.get("token_url"),
        null,
        GOOGLE_JWKS);
  }

  /** The issuers an ID token of this provider may name. */
  Set<String> issuers(IdentityProvider provider, OidcProviderEndpoints endpoints) {
    if (provider.type().equals(GOOGLE) && !baseUrls.containsKey(GOOGLE)) {
      return GOOGLE_ISSUERS;
    }
    return Set.of(endpoints.issuer());
  }

  /**
   * The issuer recorded in the user's identities: null for Google, as public samples of Cognito's
   * trigger events show; the ID token's for OIDC.
   */
  static String recordedIssuer(IdentityProvider provider, String tokenIssuer) {
    return provider.type().equals(GOOGLE) ? null : tokenIssuer;
  }
}
