package dev.userpool.store;

import dev.userpool.domain.SigningKey;
import java.time.Instant;

/**
 * Makes the key material of a new {@link SigningKey}; the store decides its generation and persists
 * it.
 */
@FunctionalInterface
public interface SigningKeyFactory {
  SigningKey newKey(String poolId, long generation, Instant createdAt);
}
