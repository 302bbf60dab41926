package dev.userpool.oauth.federation;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.operations.providers.OidcDiscovery;
import java.util.Map;

/**
 * Where an OIDC provider's endpoints are, from its ProviderDetails: the keys CreateIdentityProvider
 * stored (filled from discovery when the issuer answered then), else discovered now. The issuer the
 * ID token must name is {@code oidc_issuer} as configured.
 */
record OidcProviderEndpoints(
    String issuer,
    String authorizeUrl,
    String tokenUrl,
    String attributesUrl,
    String jwksUri,
    boolean tokenByGet) {

  /** Endpoints whose token endpoint takes a form POST, as OAuth 2.0 has it. */
  OidcProviderEndpoints(
      String issuer, String authorizeUrl, String tokenUrl, String attributesUrl, String jwksUri) {
    this(issuer, authorizeUrl, tokenUrl, attributesUrl, jwksUri, false);
  }

  static OidcProviderEndpoints of(IdentityProvider provider, OidcDiscovery discovery) {
    Map<String, String> details = provider.details();
    if (details.get("authorize_url") == null
        || details.get("token_url") == null
        || details.get("jwks_uri") == null) {
      details = discovery.complete(details);
    }
    return new OidcProviderEndpoints(
        details.get("oidc_issuer"),
        details.get("authorize_url"),
        details.get("token_url"),
        details.get("attributes_url"),
        details.get("jwks_uri"));
  }

  /** Whether an OIDC sign-in can run: an ID token needs the issuer and the JWKS. */
  boolean complete() {
    return issuer != null && authorizeUrl != null && tokenUrl != null && jwksUri != null;
  }

  /** Whether a plain OAuth 2.0 sign-in can run: the profile comes from the attributes URL. */
  boolean completeForOAuth() {
    return authorizeUrl != null && tokenUrl != null && attributesUrl != null;
  }
}
