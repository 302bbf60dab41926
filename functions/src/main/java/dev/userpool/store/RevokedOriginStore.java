package dev.userpool.store;

import java.time.Instant;

/**
 * The origin_jti of sign-ins whose refresh token was revoked with RevokeToken: every ID and access
 * token minted from that refresh token carries the same origin_jti and is refused with it (sources
 * §6.6). An entry lives until the refresh token would have expired (item TTL); by then every token
 * of that origin has expired too.
 */
public interface RevokedOriginStore {
  /** Records {@code originJti} as revoked until {@code until}; revoking twice is harmless. */
  void revoke(String poolId, String originJti, Instant until);

  boolean isRevoked(String poolId, String originJti);
}
