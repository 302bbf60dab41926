package dev.userpool.operations.recovery;

import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;

/** Texts the recovery operations share. */
final class Recovery {
  private Recovery() {}

  /** No verified channel (sources §4.4; Cognito's text). */
  static CognitoException noVerifiedChannel() {
    return ErrorCode.INVALID_PARAMETER.exception(
        "Cannot reset password for the user as there is no registered/verified email or phone_number");
  }
}
