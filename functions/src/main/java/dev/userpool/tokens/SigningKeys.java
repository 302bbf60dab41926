package dev.userpool.tokens;

import dev.userpool.domain.SigningKey;
import dev.userpool.store.SigningKeyStore;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A pool's signing keys as the token code needs them: parsed once and cached per container for
 * {@link #TTL}, so signing and verifying do not read the store or parse PKCS#8 on every call. A
 * token naming a kid the cache does not know triggers one reload (at most every {@link
 * #MIN_RELOAD}), which picks up a rotation done elsewhere.
 *
 * <p>Keys are created lazily: {@link #ensure} gives a pool its first key when it has none, so pools
 * created before signing keys existed work. Callers check that the pool exists first; this class
 * does not.
 */
public final class SigningKeys {
  static final Duration TTL = Duration.ofSeconds(60);
  static final Duration MIN_RELOAD = Duration.ofSeconds(5);

  private final SigningKeyStore store;
  private final Clock clock;
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

  /** A key with its JDK forms; the private key stays inside this package. */
  record Loaded(SigningKey key, RSAPublicKey publicKey, PrivateKey privateKey) {
    @Override
    public String toString() {
      return key.toString();
    }
  }

  private record Entry(List<Loaded> keys, Instant loadedAt) {}

  public SigningKeys(SigningKeyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The pool's keys, the active one first, creating the first key when the pool has none. */
  public List<SigningKey> ensure(String poolId) {
    return loadedEnsuring(poolId).stream().map(Loaded::key).toList();
  }

  /** Makes a new active key; tokens signed by older keys keep verifying. */
  public SigningKey rotate(String poolId) {
    SigningKey key = store.rotate(poolId);
    cache.remove(poolId);
    return key;
  }

  /** Forgets cached keys of a pool (after its keys or the pool itself were deleted). */
  public void forget(String poolId) {
    cache.remove(poolId);
  }

  /** The key that signs new tokens. */
  Loaded active(String poolId) {
    return loadedEnsuring(poolId).get(0);
  }

  /** The public key with this kid, if the pool has it; never creates keys. */
  Optional<RSAPublicKey> publicKey(String poolId, String kid) {
    Entry entry = cached(poolId);
    Optional<RSAPublicKey> found = find(entry, kid);
    if (found.isEmpty() && !clock.instant().isBefore(entry.loadedAt().plus(MIN_RELOAD))) {
      found = find(reload(poolId), kid);
    }
    return found;
  }

  private List<Loaded> loadedEnsuring(String poolId) {
    Entry entry = cached(poolId);
    if (entry.keys().isEmpty()) {
      store.create(poolId);
      entry = reload(poolId);
    }
    return entry.keys();
  }

  private Entry cached(String poolId) {
    Entry entry = cache.get(poolId);
    if (entry == null || !clock.instant().isBefore(entry.loadedAt().plus(TTL))) {
      entry = reload(poolId);
    }
    return entry;
  }

  private Entry reload(String poolId) {
    List<Loaded> keys =
        store.keysFor(poolId).stream()
            .map(k -> new Loaded(k, RsaKeys.publicKey(k), RsaKeys.privateKey(k)))
            .toList();
    Entry entry = new Entry(keys, clock.instant());
    cache.put(poolId, entry);
    return entry;
  }

  private static Optional<RSAPublicKey> find(Entry entry, String kid) {
    return entry.keys().stream()
        .filter(k -> k.key().kid().equals(kid))
        .map(Loaded::publicKey)
        .findFirst();
  }
}
