package dev.userpool.crypto;

import dev.userpool.domain.PasswordPolicy;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;

/**
 * A pool's PasswordPolicy applied to a new password (sources §8.1). Each failure is
 * InvalidPasswordException naming the first failing rule, in the order length, lowercase,
 * uppercase, numeric, symbol (order unconfirmed; length first is observed).
 */
public final class PasswordPolicyCheck {
  /**
   * Public apps match on "Password did not conform with policy: Password not long enough"
   * (docs/fidelity.md).
   */
  private static final String PREFIX = "Password did not conform with policy: ";

  /**
   * AdminCreateUser's TemporaryPassword answers with another prefix (observed:
   * data-dot-all/dataall#690, "Password did not conform with password policy: Password must have
   * numeric characters").
   */
  private static final String TEMPORARY_PREFIX = "Password did not conform with password policy: ";

  /** Cognito's special characters, the space and the backquote included (sources §8.1). */
  static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`+=- ";

  private PasswordPolicyCheck() {}

  /**
   * Returns normally if {@code password} satisfies {@code policy}; otherwise throws
   * InvalidPasswordException.
   */
  public static void check(PasswordPolicy policy, String password) {
    String p = password == null ? "" : password;
    // Rejected by Cognito; this wording is ours and unconfirmed (sources §8.1).
    if (!p.isEmpty()
        && (Character.isWhitespace(p.charAt(0))
            || Character.isWhitespace(p.charAt(p.length() - 1)))) {
      throw fail("Password must not contain leading or trailing whitespace");
    }
    // Counted in code points so that a character outside the BMP counts once (unconfirmed).
    if (p.codePointCount(0, p.length()) < policy.minimumLength()) {
      throw fail("Password not long enough");
    }
    if (policy.requireLowercase() && p.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
      throw fail("Password must have lowercase characters");
    }
    if (policy.requireUppercase() && p.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
      throw fail("Password must have uppercase characters");
    }
    if (policy.requireNumbers() && p.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      throw fail("Password must have numeric characters");
    }
    if (policy.requireSymbols() && p.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
      throw fail("Password must have symbol characters");
    }
  }

  /**
   * {@link #check} for AdminCreateUser's TemporaryPassword, with the prefix Cognito gives there.
   */
  public static void checkTemporary(PasswordPolicy policy, String password) {
    try {
      check(policy, password);
    } catch (CognitoException e) {
      throw ErrorCode.INVALID_PASSWORD.exception(
          TEMPORARY_PREFIX + e.getMessage().substring(PREFIX.length()));
    }
  }

  private static RuntimeException fail(String rule) {
    return ErrorCode.INVALID_PASSWORD.exception(PREFIX + rule);
  }
}
