package dev.userpool.domain;

import java.util.List;

import java.time.Instant;

/**
 * What a refresh token stands for. The token is an opaque random string handed to the client; only its SHA-256
 * ({@code tokenHash}, lower-case hex) is stored. {@code authTime} and {@code originJti} are those of the sign-in that
 * produced it, carried into every ID and access token it refreshes (facts §6.3).
 */
public record RefreshToken(
    String poolId,
    String tokenHash,
    String clientId,
    String sub,
    Instant authTime,
    String originJti,
    Instant issuedAt,
    Instant expiresAt,
    List<String> scopes) {

  /**
   * A refresh token of an API sign-in, whose tokens carry only aws.cognito.signin.user.admin. {@code scopes} is
   * set for tokens the OAuth token endpoint issued: their refreshed access tokens keep the granted scopes.
   */
  public RefreshToken(String poolId, String tokenHash, String clientId, String sub, Instant authTime,
      String originJti, Instant issuedAt, Instant expiresAt) {
    this(poolId, tokenHash, clientId, sub, authTime, originJti, issuedAt, expiresAt, null);
  }

  public RefreshToken {
    scopes = scopes == null ? null : List.copyOf(scopes);
  }
}
