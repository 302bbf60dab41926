package dev.userpool.operations.codes;

import dev.userpool.config.Limits;
import dev.userpool.domain.VerificationCode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.CodeStore;

/**
 * Checks a code a caller submits, with Cognito's errors (sources §4.1, §4.2): none issued, used or
 * expired → ExpiredCodeException; too many wrong answers → LimitExceededException; wrong →
 * CodeMismatchException (counted). A right code is used up separately ({@link #consume}), after the
 * operation's own checks, so that a rejected confirmation (e.g. AliasExistsException) leaves the
 * code usable.
 */
public final class CodeCheck {
  /**
   * Wrong answers to one sign-up or attribute code before LimitExceededException (DG quotas: 15 per
   * hour).
   */
  public static final int CONFIRM_ATTEMPTS = 15;

  /**
   * Wrong answers to one password-reset code: the DG gives 5–20 per hour depending on risk; the
   * lower bound is used (our choice).
   */
  public static final int FORGOT_PASSWORD_ATTEMPTS = 5;

  private final CodeStore codes;
  private final Limits limits;

  public CodeCheck(CodeStore codes) {
    this(codes, Limits.COGNITO);
  }

  /** Attempts per code as the deployment sets them ({@link Limits#codeAttempts}, 0 = unlimited). */
  public CodeCheck(CodeStore codes, Limits limits) {
    this.codes = codes;
    this.limits = limits;
  }

  /** Wrong answers allowed to a sign-up or attribute code (0 = unlimited). */
  public int confirmAttempts() {
    return limits.codeAttempts();
  }

  /** Wrong answers allowed to a password-reset code (0 = unlimited). */
  public int forgotPasswordAttempts() {
    return limits.forgotPasswordAttempts();
  }

  /** The stored code {@code submitted} matches; throws Cognito's error otherwise. */
  public VerificationCode require(
      String poolId, String sub, String purpose, String submitted, int maxFailures) {
    VerificationCode stored = codes.find(poolId, sub, purpose).orElseThrow(CodeCheck::expired);
    if (Limits.reached(stored.failedAttempts(), maxFailures)) {
      throw limitExceeded();
    }
    if (!codes.matches(stored, submitted)) {
      codes.recordFailure(poolId, sub, purpose);
      throw ErrorCode.CODE_MISMATCH.exception(
          "Invalid verification code provided, please try again.");
    }
    return stored;
  }

  /**
   * Uses the code up. If it changed since {@link #require} (a concurrent wrong answer was counted),
   * the current one is checked and used instead; if it is gone (used by a concurrent call),
   * ExpiredCodeException.
   */
  public void consume(VerificationCode checked, String submitted) {
    VerificationCode current = checked;
    for (int attempt = 0; attempt < 8; attempt++) {
      if (codes.consume(current)) {
        return;
      }
      current =
          codes
              .find(checked.userPoolId(), checked.sub(), checked.purpose())
              .orElseThrow(CodeCheck::expired);
      if (!codes.matches(current, submitted)) {
        throw expired(); // replaced by a new code meanwhile
      }
    }
    throw ErrorCode.CONCURRENT_MODIFICATION.exception();
  }

  public static RuntimeException expired() {
    return ErrorCode.EXPIRED_CODE.exception("Invalid code provided, please request a code again.");
  }

  public static RuntimeException mismatch() {
    return ErrorCode.CODE_MISMATCH.exception(
        "Invalid verification code provided, please try again.");
  }

  static RuntimeException limitExceeded() {
    return ErrorCode.LIMIT_EXCEEDED.exception(
        "Attempt limit exceeded, please try after some time.");
  }
}
