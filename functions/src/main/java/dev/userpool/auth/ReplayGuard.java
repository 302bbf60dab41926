package dev.userpool.auth;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the signatures of recently accepted requests until they could no longer pass the clock
 * check, so the same signed request is accepted once. Bounded: when full, expired entries are
 * dropped and then the oldest.
 *
 * <p>Best effort by design. The memory is per process: in Lambda every container has its own, so a
 * request replayed to another container within the window is not caught; an eviction under a flood
 * of distinct signed requests forgets the oldest. AWS itself has no such check (a SigV4 request may
 * be repeated within its window), and current SDKs sign a unique {@code amz-sdk-invocation-id} and
 * the attempt number, so honest clients never send the same signature twice.
 */
public final class ReplayGuard {
  public static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  public ReplayGuard(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /**
   * Records a signature that stays replayable until {@code validUntil}.
   *
   * @return false if the signature was already recorded and has not yet expired
   */
  public synchronized boolean firstUse(String signature, Instant validUntil, Instant now) {
    Instant previous = seen.get(signature);
    if (previous != null && now.isBefore(previous)) {
      return false;
    }
    seen.remove(signature);
    if (seen.size() >= capacity) {
      dropExpired(now);
    }
    if (seen.size() >= capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    seen.put(signature, validUntil);
    return true;
  }

  synchronized int size() {
    return seen.size();
  }

  private void dropExpired(Instant now) {
    for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().getValue())) {
        it.remove();
      }
    }
  }
}
