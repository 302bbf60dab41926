package dev.userpool.domain;

import java.time.Instant;
import java.util.List;

/**
 * An OAuth authorization code issued after a hosted sign-in, stored under the SHA-256 of the code
 * (never the code itself) and redeemable once before {@code expiresAt}. It remembers what the token
 * request must repeat (client, redirect_uri, the PKCE challenge) and what the tokens will say
 * (user, scopes, nonce, sign-in time).
 *
 * @param codeChallenge the PKCE S256 challenge, or null when the authorize request carried none
 * @param nonce the OpenID nonce of the authorize request, or null
 */
public record AuthorizationCode(
    String poolId,
    String codeHash,
    String clientId,
    String sub,
    String redirectUri,
    List<String> scopes,
    String nonce,
    String codeChallenge,
    Instant authTime,
    Instant expiresAt) {

  public AuthorizationCode {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }
}
