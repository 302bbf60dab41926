package dev.userpool.imports;

import dev.userpool.crypto.ConstantTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a job's PreSignedUrl: 256 random bits that authorize one thing, the upload of that
 * job's CSV. Only its SHA-256 is stored (a high-entropy token needs no slow hash), and checks
 * compare hashes in constant time.
 */
public final class UploadTokens {
  /** The query parameter that carries the token. */
  public static final String PARAMETER = "token";

  private UploadTokens() {}

  public static String newToken(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String withToken(String url, String token) {
    return url + (url.contains("?") ? "&" : "?") + PARAMETER + "=" + token;
  }

  /**
   * Whether {@code token} is the one whose hash is {@code storedHash}; false for a missing token or
   * hash.
   */
  public static boolean matches(String token, String storedHash) {
    return token != null && storedHash != null && ConstantTime.equals(hash(token), storedHash);
  }
}
