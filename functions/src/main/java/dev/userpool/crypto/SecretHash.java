package dev.userpool.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cognito's SECRET_HASH: Base64(HMAC-SHA256(key = client secret, message = username ‖ client id))
 * (sources §7.2).
 */
public final class SecretHash {
  private SecretHash() {}

  public static String compute(String clientSecret, String username, String clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }

  /**
   * Whether {@code given} is the hash for this secret, username and client, compared in constant
   * time.
   */
  public static boolean matches(
      String clientSecret, String username, String clientId, String given) {
    return ConstantTime.equals(compute(clientSecret, username, clientId), given);
  }
}
