package dev.userpool.store;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.Page;
import java.util.Optional;

/**
 * Identity providers of a pool by name, and the IdpIdentifiers that point at them. A provider and
 * its identifiers are written in one atomic batch, so no identifier can ever point at two providers
 * or at a deleted one.
 */
public interface IdentityProviderStore {
  /**
   * Stores a new provider with its identifiers; returns false (and writes nothing) when the name or
   * one of the identifiers is already taken in the pool.
   */
  boolean create(IdentityProvider provider);

  Optional<IdentityProvider> find(String poolId, String name);

  /** The provider that claims {@code identifier} in the pool. */
  Optional<IdentityProvider> findByIdentifier(String poolId, String identifier);

  /**
   * Replaces {@code before} with {@code after} (same name) if the stored version is still {@code
   * before.version()}, releasing identifiers no longer listed and claiming new ones; returns false
   * (nothing written) when a new identifier is taken by another provider. Throws {@link
   * StaleWriteException} when the provider changed or disappeared since it was read.
   */
  boolean update(IdentityProvider before, IdentityProvider after);

  /** Removes the provider and its identifiers; a provider already gone is not an error. */
  void delete(IdentityProvider provider);

  /** Providers of a pool in name order. */
  Page<IdentityProvider> list(String poolId, int limit, String nextToken);
}
