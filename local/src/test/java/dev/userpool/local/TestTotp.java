package dev.userpool.local;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app, written for the tests from RFC 6238 / RFC 4226 and RFC 4648 (not the
 * production class): the 6-digit HMAC-SHA-1 code of the 30-second step holding {@code at}, from a
 * base32 SecretCode.
 */
final class TestTotp {
  private TestTotp() {}

  static String code(String base32Secret, Instant at) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(decode(base32Secret), "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
      int o = h[19] & 0xf;
      int value =
          ((h[o] & 0x7f) << 24
                  | (h[o + 1] & 0xff) << 16
                  | (h[o + 2] & 0xff) << 8
                  | (h[o + 3] & 0xff))
              % 1_000_000;
      return String.format(Locale.ROOT, "%06d", value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A code that is not the right one at {@code at} (nor one step either side). */
  static String wrongCode(String base32Secret, Instant at) {
    for (int i = 0; ; i++) {
      String candidate =
          String.format(
              Locale.ROOT, "%06d", (Integer.parseInt(code(base32Secret, at)) + 1 + i) % 1_000_000);
      if (!candidate.equals(code(base32Secret, at.minusSeconds(30)))
          && !candidate.equals(code(base32Secret, at.plusSeconds(30)))) {
        return candidate;
      }
    }
  }

  static byte[] decode(String base32) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteBuffer out = ByteBuffer.allocate(base32.length() * 5 / 8);
    long buffer = 0;
    int bits = 0;
    for (char c : base32.toCharArray()) {
      buffer = buffer << 5 | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
