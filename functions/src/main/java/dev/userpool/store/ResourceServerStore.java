package dev.userpool.store;

import dev.userpool.domain.Page;
import dev.userpool.domain.ResourceServer;
import java.util.Optional;

/** A pool's resource servers by identifier. */
public interface ResourceServerStore {
  /**
   * Stores a new resource server; false (nothing written) when the pool has one with that
   * identifier.
   */
  boolean create(ResourceServer server);

  Optional<ResourceServer> find(String poolId, String identifier);

  /**
   * Replaces {@code before} with {@code after} if unchanged since read; else {@link
   * StaleWriteException}.
   */
  ResourceServer update(ResourceServer before, ResourceServer after);

  /** Removes it; one already gone is not an error. */
  void delete(ResourceServer server);

  /** Resource servers of a pool in identifier order. */
  Page<ResourceServer> list(String poolId, int limit, String nextToken);

  /** How many the pool has, counting no further than {@code atMost}. */
  int count(String poolId, int atMost);
}
