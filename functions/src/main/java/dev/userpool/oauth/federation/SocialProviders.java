package dev.userpool.oauth.federation;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.operations.providers.OidcDiscovery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The social provider types, whose endpoints Cognito fixes rather than the pool. Google is the OIDC
 * code flow against Google's endpoints with the ID token checked against Google's JWKS; Facebook
 * and Login with Amazon are plain OAuth 2.0: the code is redeemed at token_url and the profile read
 * from attributes_url with the access token, the subject being its {@code id} (Facebook) or {@code
 * user_id} (Amazon). Sign in with Apple is the OIDC code flow too, with Apple's JWKS and an ES256
 * client secret ({@link AppleClientSecret}). The stored ProviderDetails are the keys Cognito shows
 * in DescribeIdentityProvider (Google, Amazon and Apple: the API reference's examples; Facebook:
 * the AWS CLI reference's observed output, with the Graph API version of {@code api_version}).
 *
 * <p>{@code baseUrls} is a deployment setting for tests only (the local server's {@code
 * --social-provider-base-url TYPE=URL}): the named type's endpoints come from the discovery
 * document of that issuer instead (its userinfo as the attributes URL), so a test can sign in
 * through a local OAuth server. Pool administrators cannot redirect a social type anywhere.
 */
public final class SocialProviders {
  public static final String GOOGLE = "Google";
  public static final String FACEBOOK = "Facebook";
  public static final String AMAZON = "LoginWithAmazon";
  public static final String APPLE = "SignInWithApple";
  static final String GOOGLE_ISSUER = "https://accounts.google.com";
  static final String GOOGLE_JWKS = "https://www.googleapis.com/oauth2/v3/certs";
  static final String FACEBOOK_DEFAULT_VERSION = "v17.0";
  static final String APPLE_ISSUER = "https://appleid.apple.com";
  static final String APPLE_JWKS = "https://appleid.apple.com/auth/keys";

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

  /** The same for Login with Amazon. */
  private static final Map<String, String> AMAZON_DETAILS =
      Map.of(
          "authorize_url", "https://www.amazon.com/ap/oa",
          "token_url", "https://api.amazon.com/auth/o2/token",
          "token_request_method", "POST",
          "attributes_url", "https://api.amazon.com/user/profile",
          "attributes_url_add_attributes", "false");

  /**
   * The same for Sign in with Apple (API reference, Describe response); Apple has no userinfo, so
   * there is no attributes_url. The private_key is never shown ({@link #shownDetails}).
   */
  private static final Map<String, String> APPLE_DETAILS =
      Map.of(
          "authorize_url", "https://appleid.apple.com/auth/authorize",
          "token_url", "https://appleid.apple.com/auth/token",
          "token_request_method", "POST",
          "attributes_url_add_attributes", "false",
          "oidc_issuer", APPLE_ISSUER);

  /** Google's ID tokens name either form of its issuer (Google's OpenID Connect reference). */
  private static final Set<String> GOOGLE_ISSUERS = Set.of(GOOGLE_ISSUER, "accounts.google.com");

  private final Map<String, String> baseUrls;
  private final OidcDiscovery discovery;

  public SocialProviders(Map<String, String> baseUrls, OidcDiscovery discovery) {
    this.baseUrls = baseUrls == null ? Map.of() : Map.copyOf(baseUrls);
    this.discovery = discovery;
  }

  /** Whether this provider type signs in through {@code /oauth2/idpresponse}. */
  static boolean signsInAtIdpResponse(String type) {
    return hasIdToken(type) || type.equals(FACEBOOK) || type.equals(AMAZON);
  }

  /**
   * OIDC, Google and Apple answer with an ID token; Facebook and Amazon with an access token only.
   */
  static boolean hasIdToken(String type) {
    return type.equals("OIDC") || type.equals(GOOGLE) || type.equals(APPLE);
  }

  /** The profile member that names the user at a plain OAuth 2.0 provider. */
  static String subjectField(String type) {
    return switch (type) {
      case FACEBOOK -> "id";
      case AMAZON -> "user_id";
      default -> "sub";
    };
  }

  /** The ProviderDetails stored for a new or updated provider of {@code type}. */
  public static Map<String, String> storedDetails(String type, Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>(given);
    switch (type) {
      case GOOGLE -> out.putAll(GOOGLE_DETAILS);
      case AMAZON -> out.putAll(AMAZON_DETAILS);
      case APPLE -> out.putAll(APPLE_DETAILS);
      case FACEBOOK -> out.putAll(facebookDetails(given.get("api_version")));
      default -> {
        return given;
      }
    }
    return out;
  }

  /**
   * The ProviderDetails DescribeIdentityProvider (and the other answers naming a provider) show:
   * all stored ones but Sign in with Apple's private_key, which the API reference's Describe
   * response for SignInWithApple leaves out.
   */
  public static Map<String, String> shownDetails(String type, Map<String, String> stored) {
    if (!type.equals(APPLE) || !stored.containsKey(ApplePrivateKeys.DETAIL)) {
      return stored;
    }
    Map<String, String> out = new LinkedHashMap<>(stored);
    out.remove(ApplePrivateKeys.DETAIL);
    return out;
  }

  private static Map<String, String> facebookDetails(String givenVersion) {
    String version =
        givenVersion != null && givenVersion.matches("v\\d+\\.\\d+")
            ? givenVersion
            : FACEBOOK_DEFAULT_VERSION;
    Map<String, String> out = new LinkedHashMap<>();
    out.put("api_version", version);
    out.put("authorize_url", "https://www.facebook.com/" + version + "/dialog/oauth");
    out.put("token_url", "https://graph.facebook.com/" + version + "/oauth/access_token");
    out.put("token_request_method", "GET");
    out.put("attributes_url", "https://graph.facebook.com/" + version + "/me?fields=");
    out.put("attributes_url_add_attributes", "true");
    return out;
  }

  /**
   * Where the provider's endpoints are: a social type's fixed ones (or the test setting's), an OIDC
   * provider's from its ProviderDetails. Google's people API (attributes_url) is not OIDC userinfo,
   * so a Google sign-in reads the ID token's claims only; Apple has no userinfo at all.
   */
  OidcProviderEndpoints endpoints(IdentityProvider provider) {
    String type = provider.type();
    if (type.equals("OIDC")) {
      return OidcProviderEndpoints.of(provider, discovery);
    }
    String base = baseUrls.get(type);
    if (base != null) {
      Map<String, String> found = discovery.complete(Map.of("oidc_issuer", base));
      return new OidcProviderEndpoints(
          base,
          found.get("authorize_url"),
          found.get("token_url"),
          hasIdToken(type) ? null : found.get("attributes_url"),
          found.get("jwks_uri"));
    }
    Map<String, String> fixed = storedDetails(type, provider.details());
    return new OidcProviderEndpoints(
        fixed.get("oidc_issuer"),
        fixed.get("authorize_url"),
        fixed.get("token_url"),
        hasIdToken(type) ? null : attributesUrl(provider, fixed),
        switch (type) {
          case GOOGLE -> GOOGLE_JWKS;
          case APPLE -> APPLE_JWKS;
          default -> null;
        },
        "GET".equals(fixed.get("token_request_method")));
  }

  /**
   * With attributes_url_add_attributes, the provider attributes the AttributeMapping reads (and the
   * subject) are appended as the comma-separated field list, as Facebook's Graph API wants them.
   */
  static String attributesUrl(IdentityProvider provider, Map<String, String> details) {
    String url = details.get("attributes_url");
    if (url == null || !"true".equals(details.get("attributes_url_add_attributes"))) {
      return url;
    }
    Set<String> fields = new LinkedHashSet<>();
    fields.add(subjectField(provider.type()));
    fields.addAll(provider.attributeMapping().values());
    return url + URLEncoder.encode(String.join(",", fields), StandardCharsets.UTF_8);
  }

  /** The issuers an ID token of this provider may name. */
  Set<String> issuers(IdentityProvider provider, OidcProviderEndpoints endpoints) {
    if (provider.type().equals(GOOGLE) && !baseUrls.containsKey(GOOGLE)) {
      return GOOGLE_ISSUERS;
    }
    return Set.of(endpoints.issuer());
  }

  /**
   * The issuer recorded in the user's identities: null for the social types, as public samples of
   * Cognito's trigger events show for Google; the ID token's for OIDC.
   */
  static String recordedIssuer(IdentityProvider provider, String tokenIssuer) {
    return provider.type().equals("OIDC") ? tokenIssuer : null;
  }
}
