package dev.userpool.authflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import dev.userpool.store.DeploymentKeyStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SRP server state carried by the client in SECRET_BLOCK (sources §7.3: USER_SRP_AUTH has no
 * Session and clients answer PASSWORD_VERIFIER without one). The state is sealed with AES-256-GCM
 * under a per-deployment key kept in the store, so any container can finish a handshake another one
 * started while the client can neither read b nor forge or re-bind a block. Layout: base64(version
 * 0x01 ‖ 12-byte nonce ‖ ciphertext+tag).
 */
public final class SecretBlocks {
  static final String KEY_NAME = "srp-secret-block";
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] AAD =
      "userpool/srp-secret-block/v1".getBytes(StandardCharsets.US_ASCII);

  /**
   * What the server needs at PASSWORD_VERIFIER: the binding (pool, client, expiry), the user
   * ({@code sub} null for the simulated handshake of an unknown user), the SRP user id, the
   * client's A and the server's private b, and whether the handshake is a step of a custom
   * authentication (CUSTOM_AUTH with CHALLENGE_NAME=SRP_A).
   */
  public record SrpState(
      String poolId,
      String clientId,
      String sub,
      String userIdForSrp,
      String srpA,
      String privateKeyHex,
      Instant expiresAt,
      boolean customAuth) {
    public SrpState(
        String poolId,
        String clientId,
        String sub,
        String userIdForSrp,
        String srpA,
        String privateKeyHex,
        Instant expiresAt) {
      this(poolId, clientId, sub, userIdForSrp, srpA, privateKeyHex, expiresAt, false);
    }

    @Override
    public String toString() {
      return "SrpState[poolId="
          + poolId
          + ", clientId="
          + clientId
          + ", sub="
          + sub
          + "]"; // never b
    }
  }

  private final DeploymentKeyStore keys;
  private final SecureRandom random;
  private volatile SecretKeySpec key;

  public SecretBlocks(DeploymentKeyStore keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  public String seal(SrpState state) {
    ObjectNode o = Json.object();
    o.put("p", state.poolId());
    o.put("c", state.clientId());
    if (state.sub() != null) {
      o.put("s", state.sub());
    }
    o.put("u", state.userIdForSrp());
    o.put("a", state.srpA());
    o.put("b", state.privateKeyHex());
    o.put("e", state.expiresAt().toEpochMilli());
    if (state.customAuth()) {
      o.put("x", true);
    }
    byte[] plain = Json.write(o).getBytes(StandardCharsets.UTF_8);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key(false), nonce, plain);
    ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
    out.put(VERSION).put(nonce).put(sealed);
    return Base64.getEncoder().encodeToString(out.array());
  }

  /**
   * The state in a block this deployment sealed; empty for anything else (tampered, foreign, not
   * base64).
   */
  public Optional<SrpState> open(String block) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(block);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
    if (raw.length <= 1 + NONCE_BYTES || raw[0] != VERSION) {
      return Optional.empty();
    }
    byte[] nonce = java.util.Arrays.copyOfRange(raw, 1, 1 + NONCE_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(raw, 1 + NONCE_BYTES, raw.length);
    byte[] plain = tryOpen(key(false), nonce, sealed);
    if (plain == null) {
      plain =
          tryOpen(
              key(true), nonce,
              sealed); // the key may have been created by another process after a reset
    }
    if (plain == null) {
      return Optional.empty();
    }
    JsonNode o = Json.read(new String(plain, StandardCharsets.UTF_8));
    return Optional.of(
        new SrpState(
            o.get("p").asText(),
            o.get("c").asText(),
            o.has("s") ? o.get("s").asText() : null,
            o.get("u").asText(),
            o.get("a").asText(),
            o.get("b").asText(),
            Instant.ofEpochMilli(o.get("e").asLong()),
            o.path("x").asBoolean(false)));
  }

  private static byte[] tryOpen(SecretKeySpec key, byte[] nonce, byte[] sealed) {
    try {
      return crypt(Cipher.DECRYPT_MODE, key, nonce, sealed);
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
      byte[] material =
          keys.getOrCreate(
              KEY_NAME,
              () -> {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                return fresh;
              });
      current = new SecretKeySpec(material, "AES");
      key = current;
    }
    return current;
  }

  private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(AAD);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }
}
