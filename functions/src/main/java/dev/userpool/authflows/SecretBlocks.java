package dev.userpool.authflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import dev.userpool.store.DeploymentKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * SRP server state carried by the client in SECRET_BLOCK (sources §7.3: USER_SRP_AUTH has no
 * Session and clients answer PASSWORD_VERIFIER without one). The state is sealed with AES-256-GCM
 * under a per-deployment key kept in the store, so any container can finish a handshake another one
 * started while the client can neither read b nor forge or re-bind a block. Layout: base64(version
 * 0x01 ‖ 12-byte nonce ‖ ciphertext+tag).
 */
public final class SecretBlocks {
  static final String KEY_NAME = "srp-secret-block";
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

  private final DeploymentSealer sealer;

  public SecretBlocks(DeploymentKeyStore keys, SecureRandom random) {
    this.sealer = new DeploymentSealer(keys, random, KEY_NAME);
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
    return sealer.seal(Json.write(o).getBytes(StandardCharsets.UTF_8), AAD);
  }

  /**
   * The state in a block this deployment sealed; empty for anything else (tampered, foreign, not
   * base64).
   */
  public Optional<SrpState> open(String block) {
    Optional<byte[]> opened = sealer.open(block, AAD);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    byte[] plain = opened.get();
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
}
