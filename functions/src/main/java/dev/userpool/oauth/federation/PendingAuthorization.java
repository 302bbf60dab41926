package dev.userpool.oauth.federation;

import java.time.Instant;
import java.util.List;

/**
 * An app client's checked {@code /oauth2/authorize} request, parked while the browser signs in at
 * an external provider, and what that provider's answer must match.
 *
 * @param idpNonce the nonce we sent to the provider (OIDC: must come back in the ID token); null
 *     where the protocol has none
 * @param expiresAt after this the provider's answer is refused
 */
public record PendingAuthorization(
    String poolId,
    String clientId,
    String providerName,
    String responseType,
    String redirectUri,
    String state,
    List<String> scopes,
    String nonce,
    String codeChallenge,
    String idpNonce,
    Instant expiresAt) {

  public PendingAuthorization {
    scopes = List.copyOf(scopes);
  }
}
