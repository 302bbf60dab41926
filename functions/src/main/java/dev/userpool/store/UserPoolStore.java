package dev.userpool.store;

import dev.userpool.domain.Page;
import dev.userpool.domain.UserPool;
import java.util.Optional;

/** User pools by id. Writes are conditional on the version that was read. */
public interface UserPoolStore {
  /**
   * Stores a new pool; fails with IllegalStateException if the id is taken (ids are random, so only
   * on a bug).
   */
  void create(UserPool pool);

  Optional<UserPool> find(String poolId);

  /**
   * Replaces the pool if its stored version still equals {@code pool.version()}; else
   * ConcurrentModification.
   */
  UserPool update(UserPool pool);

  /** Removes the pool and everything that belongs to it (clients, users, keys). */
  void delete(UserPool pool);

  /**
   * Pools of one region (of every region when {@code region} is null: the local console), in id
   * order.
   */
  Page<UserPool> list(String region, int limit, String nextToken);
}
