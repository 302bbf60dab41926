package dev.userpool.authflows;

import dev.userpool.store.DeploymentKeyStore;
import java.nio.ByteBuffer;
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
 * AES-256-GCM under one named deployment key, created on first use: the one way this code keeps
 * something in the table (or in a client's hands) that only this deployment can read or forge.
 * Layout: base64(version 0x01 ‖ 12-byte nonce ‖ ciphertext+tag). Callers choose the associated
 * data, so a value sealed for one purpose (or one user) never opens as another.
 */
public final class DeploymentSealer {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final DeploymentKeyStore keys;
  private final SecureRandom random;
  private final String keyName;
  private volatile SecretKeySpec key;

  public DeploymentSealer(DeploymentKeyStore keys, SecureRandom random, String keyName) {
    this.keys = keys;
    this.random = random;
    this.keyName = keyName;
  }

  public String seal(byte[] plain, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key(false), nonce, aad, plain);
    return Base64.getEncoder()
        .encodeToString(
            ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                .put(VERSION)
                .put(nonce)
                .put(sealed)
                .array());
  }

  /** The plain bytes, or empty for anything this deployment did not seal with this {@code aad}. */
  public Optional<byte[]> open(String value, byte[] aad) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
    if (raw.length <= 1 + NONCE_BYTES || raw[0] != VERSION) {
      return Optional.empty();
    }
    byte[] nonce = Arrays.copyOfRange(raw, 1, 1 + NONCE_BYTES);
    byte[] sealed = Arrays.copyOfRange(raw, 1 + NONCE_BYTES, raw.length);
    byte[] plain = tryOpen(key(false), nonce, aad, sealed);
    if (plain == null) {
      // another process may have won the race to create the key after this one read none
      plain = tryOpen(key(true), nonce, aad, sealed);
    }
    return Optional.ofNullable(plain);
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
                  keyName,
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
