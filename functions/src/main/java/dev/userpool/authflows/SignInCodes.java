package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;

/**
 * One-time sign-in codes for the passwordless first factors (EMAIL_OTP, SMS_OTP of USER_AUTH), sent
 * and checked through the same code path as every other code (CustomMessage_Authentication,
 * templates, SES/SNS or the outbox; stored only as a keyed hash with an expiry). The operations
 * layer implements it; {@link #NONE} offers no codes.
 */
public interface SignInCodes {
  /**
   * Sends a code to the user's {@code email} or {@code phone_number}; returns the masked
   * destination.
   */
  String send(SignInContext ctx, User user, String attributeName);

  /** Checks the code and uses it up; CodeMismatchException / ExpiredCodeException otherwise. */
  void verify(SignInContext ctx, User user, String attributeName, String code);

  /** Whether codes can be sent at all (false for {@link #NONE}). */
  default boolean available() {
    return true;
  }

  SignInCodes NONE =
      new SignInCodes() {
        @Override
        public String send(SignInContext ctx, User user, String attributeName) {
          throw ErrorCode.INVALID_PARAMETER.exception("One-time sign-in codes are not available.");
        }

        @Override
        public void verify(SignInContext ctx, User user, String attributeName, String code) {
          throw ErrorCode.INVALID_PARAMETER.exception("One-time sign-in codes are not available.");
        }

        @Override
        public boolean available() {
          return false;
        }
      };
}
