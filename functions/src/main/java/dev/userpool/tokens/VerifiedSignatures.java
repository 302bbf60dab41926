package dev.userpool.tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose RS256 signature this process has already seen hold, each with the key it held under
 * and what its signed header and payload said. The RSA check was two thirds of GetUser's CPU
 * although a client sends the same access token with every call; whether a signature holds depends
 * only on the token's bytes and the key, and the claims a signature covers cannot change either, so
 * both the check and the decoding (base64url, JSON, the issuer) happen once per token and key. What
 * depends on the time or the call — the key still being the pool's, the expected pool, {@code
 * token_use}, {@code exp}/{@code nbf}, revocation — is still checked on every call by the callers.
 *
 * <p>Kept by the SHA-256 of the token, never the token itself: no bearer token stays in memory, and
 * a lookup compares digests of what the caller sent, which tell nothing about a stored token.
 * Bounded: when full it starts over, so a flood of distinct tokens costs a re-check each, not
 * memory.
 */
final class VerifiedSignatures {
  static final int CAPACITY = 4096;

  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(VerifiedSignatures::newSha256);

  /**
   * A token whose signature held under {@code key}; {@code claims} is never handed out (callers
   * copy it), so it stays as signed.
   */
  record Held(RSAPublicKey key, String poolId, String kid, ObjectNode claims) {}

  private final Map<ByteBuffer, Held> held = new ConcurrentHashMap<>();

  /** The lookup key of {@code token}: its SHA-256. */
  static ByteBuffer digest(String token) {
    return ByteBuffer.wrap(SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
  }

  /** What is remembered of the token with this digest, or null. */
  Held find(ByteBuffer digest) {
    return held.get(digest);
  }

  /** Remembers a token whose signature was just checked and held. */
  void remember(ByteBuffer digest, Held token) {
    if (held.size() >= CAPACITY) {
      held.clear();
    }
    held.put(digest, token);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
