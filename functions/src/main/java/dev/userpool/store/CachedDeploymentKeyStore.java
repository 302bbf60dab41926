package dev.userpool.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps deployment keys in memory once read: they never change (a local reset keeps them, see
 * {@code Wiring#reset}), and without this every SRP step and every code operation paid one extra
 * table read.
 */
public final class CachedDeploymentKeyStore implements DeploymentKeyStore {
  private final DeploymentKeyStore stored;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  public CachedDeploymentKeyStore(DeploymentKeyStore stored) {
    this.stored = stored;
  }

  @Override
  public byte[] getOrCreate(String name, Supplier<byte[]> fresh) {
    return cache.computeIfAbsent(name, n -> stored.getOrCreate(n, fresh)).clone();
  }
}
