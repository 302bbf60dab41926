package dev.userpool.store;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.Page;
import java.util.Optional;

/**
 * App clients through a {@link ReadCache} keyed by client id (ids are unique across pools): sign-in
 * and the other public operations name only the client id, which cost two table reads (pointer,
 * then client) per request. Writes through this process replace or drop the entry at once; a
 * version conflict drops it.
 */
public final class CachedAppClientStore implements AppClientStore {
  private final AppClientStore stored;
  private final ReadCache<String, AppClient> cache;

  public CachedAppClientStore(AppClientStore stored, ReadCache<String, AppClient> cache) {
    this.stored = stored;
    this.cache = cache;
  }

  @Override
  public void create(AppClient client) {
    stored.create(client);
  }

  @Override
  public Optional<AppClient> find(String poolId, String clientId) {
    Optional<AppClient> cached = cache.get(clientId, id -> stored.find(poolId, id));
    if (cached.isPresent() && !cached.get().userPoolId().equals(poolId)) {
      return stored.find(poolId, clientId); // another pool's client: the store answers (absent)
    }
    return cached;
  }

  @Override
  public Optional<AppClient> findByClientId(String clientId) {
    return cache.get(clientId, stored::findByClientId);
  }

  @Override
  public AppClient update(AppClient client) {
    try {
      AppClient saved = stored.update(client);
      cache.put(saved.clientId(), saved);
      return saved;
    } catch (RuntimeException e) {
      cache.forget(client.clientId());
      throw e;
    }
  }

  @Override
  public void delete(AppClient client) {
    cache.forget(client.clientId());
    try {
      stored.delete(client);
    } finally {
      cache.forget(client.clientId());
    }
  }

  @Override
  public Page<AppClient> list(String poolId, int limit, String nextToken) {
    return stored.list(poolId, limit, nextToken);
  }

  /** Drops every cached client (local reset). */
  public void forgetAll() {
    cache.forgetAll();
  }
}
