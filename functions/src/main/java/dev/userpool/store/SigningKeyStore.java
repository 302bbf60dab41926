package dev.userpool.store;

import dev.userpool.domain.SigningKey;
import java.util.List;

/**
 * The token signing keys of each pool. Keys live with their pool and are removed with it; the
 * private key is read only to sign. Safe under concurrent callers: two containers creating or
 * rotating at once never leave a pool with two keys of one generation.
 */
public interface SigningKeyStore {
  /** Every key of the pool, the active (newest) first; empty when the pool has none yet. */
  List<SigningKey> keysFor(String poolId);

  /** The active key, creating the pool's first one when it has none (idempotent, race-safe). */
  SigningKey create(String poolId);

  /** Adds a new key that becomes the active one; older keys stay in {@link #keysFor}. */
  SigningKey rotate(String poolId);

  /** Removes every key of the pool (also done by {@link UserPoolStore#delete}). */
  void deleteAll(String poolId);
}
