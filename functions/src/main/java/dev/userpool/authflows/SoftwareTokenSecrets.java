package dev.userpool.authflows;

import dev.userpool.store.DeploymentKeyStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP secrets at rest: AES-256-GCM under a per-deployment key of their own (not the SRP block
 * key), with the pool and user in the associated data so a sealed secret copied onto another user
 * does not open. Layout: base64(version 0x01 ‖ 12-byte nonce ‖ ciphertext+tag). A database dump
 * alone therefore yields no usable seed.
 */
public final class SoftwareTokenSecrets {
  static final String KEY_NAME = "totp-secret";
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final DeploymentKeyStore keys;
  private final SecureRandom random;
  private volatile SecretKeySpec key;

  public SoftwareTokenSecrets(DeploymentKeyStore keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  public String seal(String poolId, String sub, byte[] secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key(false), nonce, aad(poolId, sub), secret);
    return Base64.getEncoder()
        .encodeToString(
            ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                .put(VERSION)
                .put(nonce)
                .put(sealed)
                .array());
  }

  /** The secret, or empty when the value was not sealed by this deployment for this user. */
  public Optional<byte[]> open(String poolId, String sub, String sealedValue) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(sealedValue);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
    if (raw.length <= 1 + NONCE_BYTES || raw[0] != VERSION) {
      return Optional.empty();
    }
    byte[] nonce = Arrays.copyOfRange(raw, 1, 1 + NONCE_BYTES);
    byte[] sealed = Arrays.copyOfRange(raw, 1 + NONCE_BYTES, raw.length);
    byte[] plain = tryOpen(key(false), nonce, aad(poolId, sub), sealed);
    if (plain == null) {
      plain =
          tryOpen(
              key(true),
              nonce,
              aad(poolId, sub),
              sealed); // another process may have created the key
    }
    return Optional.ofNullable(plain);
  }

  private static byte[] aad(String poolId, String sub) {
    return ("userpool/totp-secret/v1|" + poolId + "|" + sub).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] tryOpen(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] sealed) {
    try {
      return crypt(Cipher.DECRYPT_MODE, key, nonce, aad, sealed);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof AEADBadTagException) {
        return null;
      }
      throw e;
    }
  }

  private SecretKeySpec key(boolean reload) {
    SecretKeySpec current = key;
    if (current == null || reload) {
      current =
          new SecretKeySpec(
              keys.getOrCreate(
                  KEY_NAME,
                  () -> {
                    byte[] fresh = new byte[32];
                    random.nextBytes(fresh);
                    return fresh;
                  }),
              "AES");
      key = current;
    }
    return current;
  }

  private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, byte[] aad, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }
}
