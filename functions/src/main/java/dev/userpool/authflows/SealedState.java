package dev.userpool.authflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
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
 * Flow state that must be stored but not readable where it is stored: a custom authentication's
 * private challenge parameters (often the very answer the user must type) and its rounds. Sealed
 * with AES-256-GCM under a deployment key of its own, so a copy of the table alone reveals nothing;
 * the key name is also the associated data, so state sealed for one purpose never opens as another.
 * Layout: base64(0x01 ‖ 12-byte nonce ‖ ciphertext+tag).
 */
public final class SealedState {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final DeploymentKeyStore keys;
  private final SecureRandom random;
  private final String keyName;
  private final byte[] aad;

  public SealedState(DeploymentKeyStore keys, SecureRandom random, String keyName) {
    this.keys = keys;
    this.random = random;
    this.keyName = keyName;
    this.aad = ("userpool/" + keyName + "/v1").getBytes(StandardCharsets.US_ASCII);
  }

  public String seal(ObjectNode state) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed =
        crypt(Cipher.ENCRYPT_MODE, nonce, Json.write(state).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder()
        .encodeToString(
            ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                .put(VERSION)
                .put(nonce)
                .put(sealed)
                .array());
  }

  /** The state this deployment sealed under this key name; empty for anything else. */
  public Optional<JsonNode> open(String sealed) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(sealed);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
    if (raw.length <= 1 + NONCE_BYTES || raw[0] != VERSION) {
      return Optional.empty();
    }
    try {
      byte[] plain =
          crypt(
              Cipher.DECRYPT_MODE,
              Arrays.copyOfRange(raw, 1, 1 + NONCE_BYTES),
              Arrays.copyOfRange(raw, 1 + NONCE_BYTES, raw.length));
      return Optional.of(Json.read(new String(plain, StandardCharsets.UTF_8)));
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof AEADBadTagException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private byte[] crypt(int mode, byte[] nonce, byte[] input) {
    byte[] material =
        keys.getOrCreate(
            keyName,
            () -> {
              byte[] fresh = new byte[32];
              random.nextBytes(fresh);
              return fresh;
            });
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(material, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }
}
