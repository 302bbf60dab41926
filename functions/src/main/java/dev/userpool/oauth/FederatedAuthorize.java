package dev.userpool.oauth;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.oauth.federation.FederationState;
import dev.userpool.oauth.federation.OidcFederation;
import dev.userpool.oauth.federation.PendingAuthorization;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.store.IdentityProviderStore;
import java.time.Instant;
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

  FederatedAuthorize(IdentityProviderStore providers, OidcFederation oidc) {
    this.providers = providers;
    this.oidc = oidc;
  }

  ApiResponse start(AuthorizeRequest authorize, String base, Instant now) {
    String poolId = authorize.found().pool().id();
    Optional<IdentityProvider> provider =
        authorize.identityProvider() != null
            ? providers.find(poolId, authorize.identityProvider())
            : providers.findByIdentifier(poolId, authorize.idpIdentifier());
    if (provider.isEmpty()
        || !OAuthClients.list(authorize.found().client(), "SupportedIdentityProviders")
            .contains(provider.get().name())) {
      throw new AuthorizeRequest.RedirectError(
          authorize.redirectUri(), "unauthorized_client", authorize.state());
    }
    PendingAuthorization pending =
        new PendingAuthorization(
            poolId,
            authorize.found().client().clientId(),
            provider.get().name(),
            authorize.responseType(),
            authorize.redirectUri(),
            authorize.state(),
            authorize.scopes(),
            authorize.nonce(),
            authorize.codeChallenge(),
            null,
            now.plus(FederationState.LIFETIME));
    return switch (provider.get().type()) {
      case "OIDC" -> oidc.start(provider.get(), pending, base);
      // SAML and the social providers (Google, Facebook, …) have no sign-in here yet
      default ->
          throw new AuthorizeRequest.RedirectError(
              authorize.redirectUri(), "unauthorized_client", authorize.state());
    };
  }
}
