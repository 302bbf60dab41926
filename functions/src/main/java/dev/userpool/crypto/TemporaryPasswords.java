package dev.userpool.crypto;

import dev.userpool.domain.PasswordPolicy;
import java.security.SecureRandom;

/**
 * Temporary passwords for AdminCreateUser when the caller gives none. Length is max(MinimumLength,
 * 10); every password has a lowercase letter, an uppercase letter and a digit, plus a symbol when
 * the policy asks for one. Characters that read alike (0/O/o, 1/l/I) are left out, and symbols are
 * limited to ones that survive e-mail HTML, SMS and shells unescaped.
 */
public final class TemporaryPasswords {
  private static final int MIN_LENGTH = 10;
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#%*+-=?@^_~";
  private static final String FILL = LOWER + UPPER + DIGITS;

  private TemporaryPasswords() {}

  /** A fresh password that passes {@link PasswordPolicyCheck#check} for {@code policy}. */
  public static String generate(PasswordPolicy policy, SecureRandom random) {
    int length = Math.max(policy.minimumLength(), MIN_LENGTH);
    char[] chars = new char[length];
    int i = 0;
    chars[i++] = pick(LOWER, random);
    chars[i++] = pick(UPPER, random);
    chars[i++] = pick(DIGITS, random);
    if (policy.requireSymbols()) {
      chars[i++] = pick(SYMBOLS, random);
    }
    while (i < length) {
      chars[i++] = pick(FILL, random);
    }
    for (int j = length - 1; j > 0; j--) { // Fisher–Yates
      int k = random.nextInt(j + 1);
      char t = chars[j];
      chars[j] = chars[k];
      chars[k] = t;
    }
    return new String(chars);
  }

  private static char pick(String alphabet, SecureRandom random) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
