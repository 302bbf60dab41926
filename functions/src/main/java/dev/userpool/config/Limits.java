package dev.userpool.config;

/**
 * The per-user quotas a deployment may change (CDK context keys, SAM parameters, local options).
 * Defaults are Cognito's; 0 means unlimited. Escaping fixed quotas is one reason to run Userpool,
 * and load tests need it.
 *
 * @param codesPerHour verification codes sent to one user per hour, per kind (sign-up resend,
 *     forgot password, attribute verification); Cognito: 5
 * @param codeAttempts wrong answers to one sign-up or attribute code before LimitExceededException;
 *     15
 * @param forgotPasswordAttempts wrong answers to one password-reset code before
 *     LimitExceededException; 5
 * @param signInAttempts wrong passwords before the sign-in lockout starts; 5
 * @param passwordChangeAttempts wrong previous passwords in ChangePassword per hour; 5
 */
public record Limits(
    int codesPerHour,
    int codeAttempts,
    int forgotPasswordAttempts,
    int signInAttempts,
    int passwordChangeAttempts) {
  public static final Limits COGNITO = new Limits(5, 15, 5, 5, 5);

  public Limits {
    requireNotNegative(codesPerHour, "codesPerHour");
    requireNotNegative(codeAttempts, "codeAttempts");
    requireNotNegative(forgotPasswordAttempts, "forgotPasswordAttempts");
    requireNotNegative(signInAttempts, "signInAttempts");
    requireNotNegative(passwordChangeAttempts, "passwordChangeAttempts");
  }

  /** True when {@code used} more events are over {@code limit} (0 = unlimited). */
  public static boolean reached(int used, int limit) {
    return limit != 0 && used >= limit;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void requireNotNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 (unlimited) or more, not " + value);
    }
  }

  /** Changes one limit at a time (command lines, environment). */
  public static final class Builder {
    private int codesPerHour;
    private int codeAttempts;
    private int forgotPasswordAttempts;
    private int signInAttempts;
    private int passwordChangeAttempts;

    private Builder(Limits from) {
      codesPerHour = from.codesPerHour;
      codeAttempts = from.codeAttempts;
      forgotPasswordAttempts = from.forgotPasswordAttempts;
      signInAttempts = from.signInAttempts;
      passwordChangeAttempts = from.passwordChangeAttempts;
    }

    public Builder codesPerHour(int n) {
      codesPerHour = n;
      return this;
    }

    public Builder codeAttempts(int n) {
      codeAttempts = n;
      return this;
    }

    public Builder forgotPasswordAttempts(int n) {
      forgotPasswordAttempts = n;
      return this;
    }

    public Builder signInAttempts(int n) {
      signInAttempts = n;
      return this;
    }

    public Builder passwordChangeAttempts(int n) {
      passwordChangeAttempts = n;
      return this;
    }

    public Limits build() {
      return new Limits(
          codesPerHour,
          codeAttempts,
          forgotPasswordAttempts,
          signInAttempts,
          passwordChangeAttempts);
    }
  }
}
