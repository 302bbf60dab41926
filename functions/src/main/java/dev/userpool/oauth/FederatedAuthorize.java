package dev.userpool.oauth;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.oauth.federation.FederationState;
import dev.userpool.oauth.federation.OidcFederation;
import dev.userpool.oauth.federation.PendingAuthorization;
import dev.userpool.oauth.saml.SamlException;
import dev.userpool.oauth.saml.SamlFederation;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.store.IdentityProviderStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth2/authorize} with {@code identity_provider=NAME} or {@code idp_identifier=ID}: the
 * provider must exist in the pool and be among the client's SupportedIdentityProviders, else the
 * client gets {@code unauthorized_client}; then the browser goes to the provider with the checked
 * request parked in the state.
 */
final class FederatedAuthorize {
  private final IdentityProviderStore providers;
  private final OidcFederation oidc;
  private final SamlFederation saml;

  FederatedAuthorize(IdentityProviderStore providers, OidcFederation oidc, SamlFederation saml) {
    this.providers = providers;
    this.oidc = oidc;
    this.saml = saml;
  }

  ApiResponse start(AuthorizeRequest authorize, String base, Instant now) {
    Optional<IdentityProvider> provider = supportedProvider(providers, authorize);
    if (provider.isEmpty()) {
      throw new AuthorizeRequest.RedirectError(
          authorize.redirectUri(), "unauthorized_client", authorize.state());
    }
    PendingAuthorization pending = pending(authorize, provider.get(), now);
    return switch (provider.get().type()) {
      case "OIDC", "Google", "Facebook", "LoginWithAmazon", "SignInWithApple" ->
          oidc.start(provider.get(), pending, base);
      case "SAML" -> samlStart(provider.get(), pending, base, now);
      default ->
          throw new AuthorizeRequest.RedirectError(
              authorize.redirectUri(), "unauthorized_client", authorize.state());
    };
  }

  /**
   * The provider that {@code identity_provider} or {@code idp_identifier} names, if it exists and
   * is among the client's SupportedIdentityProviders.
   */
  static Optional<IdentityProvider> supportedProvider(
      IdentityProviderStore providers, AuthorizeRequest authorize) {
    String poolId = authorize.found().pool().id();
    Optional<IdentityProvider> provider =
        authorize.identityProvider() != null
            ? providers.find(poolId, authorize.identityProvider())
            : providers.findByIdentifier(poolId, authorize.idpIdentifier());
    return provider.filter(
        p ->
            OAuthClients.list(authorize.found().client(), "SupportedIdentityProviders")
                .contains(p.name()));
  }

  /** The checked request, parked while the browser is at the provider. */
  static PendingAuthorization pending(
      AuthorizeRequest authorize, IdentityProvider provider, Instant now) {
    return new PendingAuthorization(
        authorize.found().pool().id(),
        authorize.found().client().clientId(),
        provider.name(),
        authorize.responseType(),
        authorize.redirectUri(),
        authorize.state(),
        authorize.scopes(),
        authorize.nonce(),
        authorize.codeChallenge(),
        null,
        now.plus(FederationState.LIFETIME));
  }

  /**
   * The redirect to the SAML provider; metadata that cannot be read or used (unreachable
   * MetadataURL, no HTTP-Redirect SSO service, no signing certificate) is our error page, since the
   * fault is the pool's configuration (Cognito's text for this is unconfirmed).
   */
  private ApiResponse samlStart(
      IdentityProvider provider, PendingAuthorization pending, String base, Instant now) {
    String location;
    try {
      location = saml.start(provider, pending, base, now);
    } catch (SamlException e) {
      return ErrorPage.render(400, "Invalid SAML metadata of identity provider: " + e.getMessage());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Location", location);
    headers.put("Cache-Control", "no-store");
    return new ApiResponse(302, headers, new byte[0]);
  }
}
