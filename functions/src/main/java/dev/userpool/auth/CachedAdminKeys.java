package dev.userpool.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Admin keys loaded on first use and reloaded after a TTL, so that a rotated secret takes effect
 * without a redeploy. Nothing is loaded at construction: under SnapStart the wiring is built before
 * the snapshot, and a key read then would be frozen into every restored container. An unknown key
 * id forces an early reload (at most once per {@link #MISS_RELOAD_INTERVAL}), so a freshly rotated
 * key works at once. Load failures propagate (the caller answers InternalErrorException) and are
 * not cached.
 */
public final class CachedAdminKeys implements AdminKeys {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  static final Duration MISS_RELOAD_INTERVAL = Duration.ofSeconds(30);

  private final Supplier<Map<String, String>> loader;
  private final Clock clock;
  private final Duration ttl;
  private Map<String, String> keys;
  private Instant loadedAt;

  public CachedAdminKeys(Supplier<Map<String, String>> loader, Clock clock, Duration ttl) {
    this.loader = loader;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public synchronized Optional<String> secretFor(String accessKeyId) {
    Instant now = clock.instant();
    if (keys == null || !now.isBefore(loadedAt.plus(ttl))) {
      load(now);
    }
    String secret = keys.get(accessKeyId);
    if (secret == null && !now.isBefore(loadedAt.plus(MISS_RELOAD_INTERVAL))) {
      load(now);
      secret = keys.get(accessKeyId);
    }
    return Optional.ofNullable(secret);
  }

  private void load(Instant now) {
    Map<String, String> loaded = Map.copyOf(loader.get());
    keys = loaded;
    loadedAt = now;
  }
}
