package dev.userpool.domain;

/**
 * The values of {@code email_verified} and {@code phone_number_verified}. Cognito takes
 * "true"/"false" in any case and keeps the value as written: an AWS-verified test creates a user
 * with {@code email_verified=True} and gets the reset code by email (getmoto/moto
 * tests/test_cognitoidp/test_cognitoidp.py, test_forgot_password_with_email_delivery_details), and
 * GetUser hands "True" back (aws-amplify/amplify-js#8205).
 */
public final class VerifiedFlag {
  private VerifiedFlag() {}

  public static boolean isTrue(String value) {
    return "true".equalsIgnoreCase(value);
  }

  public static boolean isValid(String value) {
    return "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value);
  }
}
