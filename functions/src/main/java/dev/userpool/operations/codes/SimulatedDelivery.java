package dev.userpool.operations.codes;

import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.Masking;
import dev.userpool.domain.PoolSettings;
import dev.userpool.operations.users.AttributeRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The CodeDeliveryDetails a client with PreventUserExistenceErrors ENABLED reports for a user that
 * does not exist (or cannot receive a code), so the answer looks like a real one (sources §8.3):
 * the medium follows the username's format, else the pool's settings; the destination is masked and
 * stable for the same pool and username. The exact rules Cognito uses are unconfirmed.
 */
public final class SimulatedDelivery {
  private SimulatedDelivery() {}

  public static CodeDelivery of(String poolId, PoolSettings s, String username) {
    if (AttributeRules.looksLikeEmail(username)) {
      return new CodeDelivery(
          DeliveryMedium.EMAIL, Masking.mask(DeliveryMedium.EMAIL, username), "email");
    }
    if (AttributeRules.looksLikePhone(username)) {
      return new CodeDelivery(
          DeliveryMedium.SMS, Masking.mask(DeliveryMedium.SMS, username), "phone_number");
    }
    byte[] h = sha256(poolId + '\0' + username);
    boolean sms =
        s.autoVerifiedAttributes().contains("phone_number")
            && !s.autoVerifiedAttributes().contains("email");
    if (sms) {
      String digits =
          String.format(
              java.util.Locale.ROOT, "%04d", ((h[0] & 0xff) << 8 | (h[1] & 0xff)) % 10_000);
      return new CodeDelivery(DeliveryMedium.SMS, "+*******" + digits, "phone_number");
    }
    char local = (char) ('a' + (h[2] & 0xff) % 26);
    char domain = (char) ('a' + (h[3] & 0xff) % 26);
    return new CodeDelivery(DeliveryMedium.EMAIL, local + "***@" + domain + "***", "email");
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
