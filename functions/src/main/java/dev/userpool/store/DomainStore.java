package dev.userpool.store;

import dev.userpool.domain.PoolDomain;
import dev.userpool.domain.UserPool;
import java.util.Optional;

/**
 * Pool domains by name, unique across the deployment. Each domain is also named on its pool (the
 * pool's Domain or CustomDomain member): both records change in one atomic write, so a pool never
 * names a domain it does not own.
 */
public interface DomainStore {
  Optional<PoolDomain> find(String domain);

  /**
   * Claims {@code domain} and stores {@code poolAfter} (the pool naming it) in one write. Returns
   * false, writing nothing, when the domain is taken; throws {@link StaleWriteException} when the
   * pool changed since {@code poolBefore} was read.
   */
  boolean create(PoolDomain domain, UserPool poolBefore, UserPool poolAfter);

  /**
   * Replaces {@code before} with {@code after} if unchanged since read; else {@link
   * StaleWriteException}.
   */
  PoolDomain update(PoolDomain before, PoolDomain after);

  /**
   * Releases the domain and stores {@code poolAfter} (no longer naming it) in one write; throws
   * {@link StaleWriteException} when either changed since read.
   */
  void delete(PoolDomain domain, UserPool poolBefore, UserPool poolAfter);
}
