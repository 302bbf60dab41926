package dev.userpool.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A code sent to a user, as stored: never the code itself, only its keyed hash ({@code codeHash}),
 * with what it is for ({@code purpose}), where it was sent, how many wrong answers it has had, how
 * many codes for this purpose were sent in the current hour ({@code sends} since {@code
 * windowStart}), and when it stops being valid.
 *
 * <p>Purposes: {@value #SIGN_UP} (SignUp, ResendConfirmationCode), {@value #FORGOT_PASSWORD}
 * (ForgotPassword, AdminResetUserPassword), {@value #MFA} (sign-in codes) and {@code
 * attribute:<name>} (attribute verification). One code per user and purpose: a new one replaces the
 * old.
 */
public record VerificationCode(
    String userPoolId,
    String sub,
    String purpose,
    String codeHash,
    String destination,
    int failedAttempts,
    int sends,
    Instant windowStart,
    Instant expiresAt,
    long version) {

  public static final String SIGN_UP = "signup";
  public static final String FORGOT_PASSWORD = "forgot-password";

  /**
   * A sign-in code (SMS_MFA, EMAIL_OTP); its challenge Session, at most 15 minutes, bounds it as
   * well.
   */
  public static final String MFA = "mfa";

  private static final String ATTRIBUTE_PREFIX = "attribute:";
  private static final String SIGN_IN_PREFIX = "sign-in:";

  /**
   * Sign-up and attribute codes are valid 24 hours, password-reset codes 1 hour (sources §4.1); MFA
   * and one-time sign-in codes 15 minutes, the longest AuthSessionValidity — their challenge
   * session, 3 minutes by default, ends first.
   */
  public static Duration validity(String purpose) {
    if (MFA.equals(purpose) || purpose.startsWith(SIGN_IN_PREFIX)) {
      return Duration.ofMinutes(15);
    }
    return FORGOT_PASSWORD.equals(purpose) ? Duration.ofHours(1) : Duration.ofHours(24);
  }

  /**
   * The purpose of a one-time sign-in code sent to {@code attributeName} (USER_AUTH EMAIL_OTP /
   * SMS_OTP).
   */
  public static String signIn(String attributeName) {
    return SIGN_IN_PREFIX + attributeName;
  }

  public static String attribute(String attributeName) {
    return ATTRIBUTE_PREFIX + attributeName;
  }

  /** A code about to be stored: its hash is computed by the store from the plain code. */
  public static VerificationCode issue(
      String poolId,
      String sub,
      String purpose,
      String destination,
      int sends,
      Instant windowStart,
      Instant now) {
    return new VerificationCode(
        poolId,
        sub,
        purpose,
        null,
        destination,
        0,
        sends,
        windowStart,
        now.plus(validity(purpose)),
        0);
  }

  public VerificationCode withFailedAttempts(int attempts) {
    return new VerificationCode(
        userPoolId,
        sub,
        purpose,
        codeHash,
        destination,
        attempts,
        sends,
        windowStart,
        expiresAt,
        version);
  }

  public VerificationCode withHash(String hash) {
    return new VerificationCode(
        userPoolId,
        sub,
        purpose,
        hash,
        destination,
        failedAttempts,
        sends,
        windowStart,
        expiresAt,
        version);
  }
}
