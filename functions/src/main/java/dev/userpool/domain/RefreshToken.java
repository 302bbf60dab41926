package dev.userpool.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a refresh token stands for. The token is an opaque random string handed to the client; only
 * its SHA-256 ({@code tokenHash}, lower-case hex) is stored. {@code authTime} and {@code originJti}
 * are those of the sign-in that produced it, carried into every ID and access token it refreshes
 * (sources §6.3). {@code deviceKey} is the device the sign-in was made on (null when device
 * tracking was off): the token then refreshes only with that DEVICE_KEY.
 *
 * <p>{@code replacedAt} is set once refresh-token rotation has issued a successor for it
 * (GetTokensFromRefreshToken on a client with RefreshTokenRotation ENABLED); the token then stays
 * stored, to be honoured during the client's retry grace period and recognised as reused after it.
 * Null for a token that was never rotated.
 *
 * <p>{@code scopes} is null for tokens of an API sign-in (their access tokens carry only
 * aws.cognito.signin.user.admin) and set for tokens the OAuth token endpoint issued: their
 * refreshed access tokens keep the granted scopes.
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
    Instant replacedAt,
    List<String> scopes,
    String deviceKey) {

  public RefreshToken(
      String poolId,
      String tokenHash,
      String clientId,
      String sub,
      Instant authTime,
      String originJti,
      Instant issuedAt,
      Instant expiresAt) {
    this(
        poolId, tokenHash, clientId, sub, authTime, originJti, issuedAt, expiresAt, null, null,
        null);
  }

  /** A token issued on the device {@code deviceKey} (null for none), never rotated. */
  public RefreshToken(
      String poolId,
      String tokenHash,
      String clientId,
      String sub,
      Instant authTime,
      String originJti,
      Instant issuedAt,
      Instant expiresAt,
      String deviceKey) {
    this(
        poolId, tokenHash, clientId, sub, authTime, originJti, issuedAt, expiresAt, null, null,
        deviceKey);
  }

  public RefreshToken(
      String poolId,
      String tokenHash,
      String clientId,
      String sub,
      Instant authTime,
      String originJti,
      Instant issuedAt,
      Instant expiresAt,
      Instant replacedAt) {
    this(
        poolId,
        tokenHash,
        clientId,
        sub,
        authTime,
        originJti,
        issuedAt,
        expiresAt,
        replacedAt,
        null,
        null);
  }

  public RefreshToken(
      String poolId,
      String tokenHash,
      String clientId,
      String sub,
      Instant authTime,
      String originJti,
      Instant issuedAt,
      Instant expiresAt,
      Instant replacedAt,
      List<String> scopes) {
    this(
        poolId,
        tokenHash,
        clientId,
        sub,
        authTime,
        originJti,
        issuedAt,
        expiresAt,
        replacedAt,
        scopes,
        null);
  }

  public RefreshToken {
    scopes = scopes == null ? null : List.copyOf(scopes);
  }

  public boolean replaced() {
    return replacedAt != null;
  }

  public RefreshToken replacedAt(Instant at) {
    return new RefreshToken(
        poolId, tokenHash, clientId, sub, authTime, originJti, issuedAt, expiresAt, at, scopes,
        deviceKey);
  }
}
