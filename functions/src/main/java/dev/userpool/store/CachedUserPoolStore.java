package dev.userpool.store;

import dev.userpool.domain.Page;
import dev.userpool.domain.UserPool;
import java.util.Optional;

/**
 * Pools by id through a {@link ReadCache}: every operation reads its pool, and decoding the stored
 * record was a table read plus a JSON parse per request. Updates and deletes through this process
 * replace or drop the entry at once; a version conflict drops it too, so the caller's retry reads
 * the stored pool.
 */
public final class CachedUserPoolStore implements UserPoolStore {
  private final UserPoolStore stored;
  private final ReadCache<String, UserPool> cache;
  private final Runnable afterDelete;

  /** {@code afterDelete} forgets what else was cached about pools (their app clients). */
  public CachedUserPoolStore(
      UserPoolStore stored, ReadCache<String, UserPool> cache, Runnable afterDelete) {
    this.stored = stored;
    this.cache = cache;
    this.afterDelete = afterDelete;
  }

  @Override
  public void create(UserPool pool) {
    stored.create(pool);
  }

  @Override
  public Optional<UserPool> find(String poolId) {
    return cache.get(poolId, stored::find);
  }

  @Override
  public UserPool update(UserPool pool) {
    try {
      UserPool saved = stored.update(pool);
      cache.put(saved.id(), saved);
      return saved;
    } catch (RuntimeException e) { // a version conflict (StaleWriteException) above all
      cache.forget(pool.id());
      throw e;
    }
  }

  @Override
  public void delete(UserPool pool) {
    cache.forget(pool.id());
    try {
      stored.delete(pool);
    } finally {
      cache.forget(pool.id());
      afterDelete.run();
    }
  }

  @Override
  public Page<UserPool> list(String region, int limit, String nextToken) {
    return stored.list(region, limit, nextToken);
  }

  /** Drops every cached pool (local reset). */
  public void forgetAll() {
    cache.forgetAll();
  }
}
