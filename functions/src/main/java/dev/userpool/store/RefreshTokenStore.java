package dev.userpool.store;

import dev.userpool.domain.RefreshToken;
import java.util.Optional;

/** Refresh tokens by pool and token hash, kept until they expire (item TTL); removed with their pool. */
public interface RefreshTokenStore {
  void create(RefreshToken token);

  /** The live token with this hash; empty when unknown, expired or revoked. */
  Optional<RefreshToken> find(String poolId, String tokenHash);

  /** Revokes one token (no-op when absent). */
  void delete(String poolId, String tokenHash);
}
