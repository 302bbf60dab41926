package dev.userpool.authflows;

import dev.userpool.store.DeploymentKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * TOTP secrets at rest: AES-256-GCM under a per-deployment key of their own (not the SRP block
 * key), with the pool and user in the associated data so a sealed secret copied onto another user
 * does not open ({@link DeploymentSealer}). A database dump alone therefore yields no usable seed.
 */
public final class SoftwareTokenSecrets {
  static final String KEY_NAME = "totp-secret";

  private final DeploymentSealer sealer;

  public SoftwareTokenSecrets(DeploymentKeyStore keys, SecureRandom random) {
    this.sealer = new DeploymentSealer(keys, random, KEY_NAME);
  }

  public String seal(String poolId, String sub, byte[] secret) {
    return sealer.seal(secret, aad(poolId, sub));
  }

  /** The secret, or empty when the value was not sealed by this deployment for this user. */
  public Optional<byte[]> open(String poolId, String sub, String sealedValue) {
    return sealer.open(sealedValue, aad(poolId, sub));
  }

  private static byte[] aad(String poolId, String sub) {
    return ("userpool/totp-secret/v1|" + poolId + "|" + sub).getBytes(StandardCharsets.UTF_8);
  }
}
