package dev.userpool.crypto;

import java.security.SecureRandom;
import java.util.UUID;

/** New identifiers in the formats real Cognito uses (sources §3). */
public final class Identifiers {
  private static final String ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String BASE32HEX =
      "0123456789abcdefghijklmnopqrstuv"; // RFC 4648 §7, lower-case
  private static final int POOL_SUFFIX_LENGTH = 9;
  private static final int CLIENT_ID_BYTES = 16;
  private static final int CLIENT_SECRET_BYTES = 32;

  private Identifiers() {}

  /** {@code <region>_<9 characters of [0-9A-Za-z]>}, e.g. {@code us-east-1_AbCdEfGhI}. */
  public static String userPoolId(String region, SecureRandom random) {
    StringBuilder id =
        new StringBuilder(region.length() + 1 + POOL_SUFFIX_LENGTH).append(region).append('_');
    for (int i = 0; i < POOL_SUFFIX_LENGTH; i++) {
      id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return id.toString();
  }

  /** 26 characters of {@code [0-9a-v]}: unpadded lower-case base32hex of 16 random bytes. */
  public static String clientId(SecureRandom random) {
    return base32Hex(bytes(random, CLIENT_ID_BYTES));
  }

  /** 52 characters of {@code [0-9a-v]}: unpadded lower-case base32hex of 32 random bytes. */
  public static String clientSecret(SecureRandom random) {
    return base32Hex(bytes(random, CLIENT_SECRET_BYTES));
  }

  /** A lower-case version-4 UUID drawn from {@code random}. */
  public static String sub(SecureRandom random) {
    byte[] b = bytes(random, 16);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }

  /** The x-amzn-RequestId of one response; not a secret. */
  public static String requestId() {
    return UUID.randomUUID().toString();
  }

  /** RFC 4648 base32hex, lower-case, without padding. */
  static String base32Hex(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte value : data) {
      buffer = (buffer << 8) | (value & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32HEX.charAt((buffer >> (bits - 5)) & 0x1f));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32HEX.charAt((buffer << (5 - bits)) & 0x1f));
    }
    return out.toString();
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
