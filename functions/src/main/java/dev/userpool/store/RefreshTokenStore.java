package dev.userpool.store;

import dev.userpool.domain.RefreshToken;
import java.util.Optional;

/**
 * Refresh tokens by pool and token hash, kept until they expire (item TTL); removed with their
 * pool.
 */
public interface RefreshTokenStore {
  void create(RefreshToken token);

  /** The token with this hash, replaced or not; empty when unknown, expired or revoked. */
  Optional<RefreshToken> find(String poolId, String tokenHash);

  /** Revokes one token (no-op when absent). */
  void delete(String poolId, String tokenHash);

  /**
   * Refresh-token rotation, atomically: stores {@code successor} and, unless {@code used} already
   * was replaced, marks it replaced at {@code successor.issuedAt()}. Throws {@link
   * StaleWriteException} when {@code used} changed or vanished since it was read (a concurrent
   * rotation or revocation): the caller reads it again and decides anew.
   */
  void rotate(RefreshToken used, RefreshToken successor);
}
