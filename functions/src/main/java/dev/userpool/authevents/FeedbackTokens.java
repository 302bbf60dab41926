package dev.userpool.authevents;

import dev.userpool.crypto.ConstantTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An event's FeedbackToken: 32 random bytes, base64url, given to the user once (Cognito puts it in
 * the links of its notification emails); only its SHA-256 is stored, and a presented token is
 * compared with it in constant time.
 */
final class FeedbackTokens {
  private final SecureRandom random;

  FeedbackTokens(SecureRandom random) {
    this.random = random;
  }

  String issue() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean matches(String presented, String storedHash) {
    return presented != null && ConstantTime.equals(hash(presented), storedHash);
  }
}
