package dev.userpool.operations.self;

import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;

/**
 * The attributes GetUserAttributeVerificationCode and VerifyUserAttribute accept, with Cognito's
 * texts.
 */
final class VerifiableAttributes {
  private VerifiableAttributes() {}

  /**
   * {@code email} or {@code phone_number}; anything else is InvalidParameterException (observed
   * text for GetUserAttributeVerificationCode, issue 4; that VerifyUserAttribute answers the same
   * is guessed).
   */
  static String require(String name) {
    if (!"email".equals(name) && !"phone_number".equals(name)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid attribute name. Only phone_number and email can be verified.");
    }
    return name;
  }

  /**
   * The user has no value to send a code to (observed texts, issue 4; the type is
   * InvalidParameterException).
   */
  static CognitoException noValue(String name) {
    return ErrorCode.INVALID_PARAMETER.exception(
        "email".equals(name)
            ? "User does not have a valid registered email address"
            : "User does not have a valid registered phone number");
  }
}
