package dev.userpool.tokens;

import java.util.Base64;

/** Base64url without padding (RFC 7515 §2), as JWS segments and JWK members use it. */
final class Base64Url {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Decodes unpadded base64url; refuses padding and the standard alphabet's {@code +} and {@code
   * /}.
   */
  static byte[] decode(String text) {
    if (text.indexOf('=') >= 0) {
      throw new IllegalArgumentException("padded base64url");
    }
    return DECODER.decode(text);
  }

  /** An unsigned big-endian integer without leading zero bytes (RFC 7518 §6.3.1 for n and e). */
  static String encodeUnsigned(java.math.BigInteger value) {
    byte[] bytes = value.toByteArray();
    int start = 0;
    while (start < bytes.length - 1 && bytes[start] == 0) {
      start++;
    }
    return encode(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
  }

  static java.math.BigInteger decodeUnsigned(String text) {
    return new java.math.BigInteger(1, decode(text));
  }
}
