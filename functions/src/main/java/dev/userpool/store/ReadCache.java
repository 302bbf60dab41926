package dev.userpool.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Decoded records kept in memory for a bounded time: the pool and app client records that nearly
 * every request reads and that change rarely. Writes through this process call {@link #forget} at
 * once; writes by other processes (other Lambda containers, a second local server on the same
 * table) are seen within {@link #ttl}. Absence is never cached, so a record created elsewhere is
 * found at once. At most {@code capacity} entries: past that the cache is emptied rather than
 * tracking recency (a rare event, and cheap to refill).
 */
public final class ReadCache<K, V> {
  /** How long another process's change may stay unseen; docs/architecture.md states it. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

  public static final int DEFAULT_CAPACITY = 10_000;

  private record Entry<V>(V value, long loadedAtNanos) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final int capacity;
  private final LongSupplier nanoTime;

  public ReadCache(Duration ttl, int capacity, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.capacity = capacity;
    this.nanoTime = nanoTime;
  }

  public ReadCache() {
    this(DEFAULT_TTL, DEFAULT_CAPACITY, System::nanoTime);
  }

  /** The cached value when fresh, else what {@code load} finds (cached when present). */
  public Optional<V> get(K key, Function<K, Optional<V>> load) {
    Entry<V> entry = entries.get(key);
    long now = nanoTime.getAsLong();
    if (entry != null && now - entry.loadedAtNanos() < ttlNanos) {
      return Optional.of(entry.value());
    }
    Optional<V> loaded = load.apply(key);
    if (loaded.isPresent()) {
      put(key, loaded.get(), now);
    } else if (entry != null) {
      entries.remove(key, entry);
    }
    return loaded;
  }

  /** Remembers what this process just wrote (saves the next read). */
  public void put(K key, V value) {
    put(key, value, nanoTime.getAsLong());
  }

  private void put(K key, V value, long now) {
    if (entries.size() >= capacity) {
      entries.clear();
    }
    entries.put(key, new Entry<>(value, now));
  }

  public void forget(K key) {
    entries.remove(key);
  }

  public void forgetAll() {
    entries.clear();
  }
}
