package dev.userpool.oauth.federation;

import dev.userpool.authflows.DeploymentSealer;
import dev.userpool.store.DeploymentKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign in with Apple's {@code private_key} as the pool keeps it: sealed with AES-GCM under a
 * deployment key and bound to the pool, since it is a signing secret that DescribeIdentityProvider
 * never shows (the API reference's Describe response for SignInWithApple has no private_key). The
 * stored value is {@code sealed:<base64>}; a key that arrives already in that form (UpdateIdentity
 * Provider keeping the stored one) is not sealed twice.
 */
public final class ApplePrivateKeys {
  public static final String DETAIL = "private_key";
  private static final String PREFIX = "sealed:";
  private static final String KEY_NAME = "apple-private-key";

  private final DeploymentSealer sealer;

  public ApplePrivateKeys(DeploymentKeyStore keys, SecureRandom random) {
    this.sealer = new DeploymentSealer(keys, random, KEY_NAME);
  }

  /** {@code details} with its private_key sealed for {@code poolId}, for a SignInWithApple type. */
  public Map<String, String> sealed(String type, String poolId, Map<String, String> details) {
    String key = details.get(DETAIL);
    if (!SocialProviders.APPLE.equals(type) || key == null || key.startsWith(PREFIX)) {
      return details;
    }
    Map<String, String> out = new LinkedHashMap<>(details);
    out.put(DETAIL, PREFIX + sealer.seal(key.getBytes(StandardCharsets.UTF_8), aad(poolId)));
    return out;
  }

  /** The PEM text of a stored private_key; empty when it was not sealed here for this pool. */
  Optional<String> open(String poolId, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return sealer
        .open(stored.substring(PREFIX.length()), aad(poolId))
        .map(plain -> new String(plain, StandardCharsets.UTF_8));
  }

  private static byte[] aad(String poolId) {
    return ("userpool apple private_key v1 " + poolId).getBytes(StandardCharsets.UTF_8);
  }
}
