package dev.userpool.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps compute them for Cognito's
 * SecretCode: HMAC-SHA-1, 30-second steps from the Unix epoch, 6 digits (RFC 4226 §5.3 dynamic
 * truncation), and one step of clock skew either way (RFC 6238 §5.2). Secrets are 20 random bytes,
 * shown as 32 base32 characters (RFC 4648 §6).
 */
public final class Totp {
  public static final long STEP_SECONDS = 30;
  static final int DIGITS = 6;
  static final int SKEW_STEPS = 1;
  static final int SECRET_BYTES = 20;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A new secret from the CSPRNG. */
  public static byte[] newSecret(SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return secret;
  }

  /** The time step that holds {@code at}. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /**
   * The step within the skew window around {@code now} whose code equals {@code code} (compared in
   * constant time, every candidate computed so timing says nothing about which one matched); empty
   * when none does.
   */
  public static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
    if (code == null || code.length() != DIGITS) {
      return OptionalLong.empty();
    }
    long current = step(now);
    long found = Long.MIN_VALUE;
    for (long s = current - SKEW_STEPS; s <= current + SKEW_STEPS; s++) {
      if (ConstantTime.equals(code(secret, s), code) && found == Long.MIN_VALUE) {
        found = s;
      }
    }
    return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** The 6-digit code of {@code step}. */
  static String code(byte[] secret, long step) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        (hash[offset] & 0x7f) << 24
            | (hash[offset + 1] & 0xff) << 16
            | (hash[offset + 2] & 0xff) << 8
            | hash[offset + 3] & 0xff;
    return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
  }

  /** RFC 4648 base32 without padding (20 bytes → 32 characters). */
  public static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = buffer << 8 | b & 0xff;
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt(buffer >> bits - 5 & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt(buffer << 5 - bits & 31));
    }
    return out.toString();
  }
}
