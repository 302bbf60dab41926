package dev.userpool.tokens;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens whose RS256 signature this process has already seen hold, each with the key it held under.
 * The RSA check was two thirds of GetUser's CPU although a client sends the same access token with
 * every call; whether a signature holds depends only on the token's bytes and the key, so it is
 * checked once per token and key. Claims (expiry, use, pool, revocation) are still checked on every
 * call by the callers.
 *
 * <p>Kept by the SHA-256 of the token, never the token itself: no bearer token stays in memory, and
 * a lookup compares digests of what the caller sent, which tell nothing about a stored token.
 * Bounded: when full it starts over, so a flood of distinct tokens costs a re-check each, not
 * memory.
 */
final class VerifiedSignatures {
  static final int CAPACITY = 4096;

  private final Map<ByteBuffer, RSAPublicKey> held = new ConcurrentHashMap<>();
  private final AtomicLong rsaChecks = new AtomicLong();

  /** Whether {@code token}'s signature holds under {@code key}; runs {@code check} only once. */
  boolean holds(String token, RSAPublicKey key, SignatureCheck check) {
    ByteBuffer digest = ByteBuffer.wrap(sha256(token));
    if (key.equals(held.get(digest))) {
      return true;
    }
    rsaChecks.incrementAndGet();
    if (!check.holds()) {
      return false;
    }
    if (held.size() >= CAPACITY) {
      held.clear();
    }
    held.put(digest, key);
    return true;
  }

  /** How many RSA checks ran (a counting test's figure). */
  long rsaChecks() {
    return rsaChecks.get();
  }

  /** The RSA verification itself. */
  @FunctionalInterface
  interface SignatureCheck {
    boolean holds();
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
