package dev.userpool.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Comparison of secrets (codes, hashes, signatures) whose timing must not reveal how much of them
 * matched.
 */
public final class ConstantTime {
  private ConstantTime() {}

  /**
   * Whether both strings have the same UTF-8 bytes, in time independent of where they first differ.
   * A null never equals anything, not even another null: a missing secret must not match a missing
   * answer.
   */
  public static boolean equals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
