package dev.userpool.operations.signup;

import dev.userpool.domain.PoolSettings;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.users.AttributeRules;
import java.util.Map;

/** The Username rules SignUp shares with AdminCreateUser (the same checks and observed texts). */
final class SignUpNames {
  private SignUpNames() {}

  /**
   * In pools with UsernameAttributes the Username must be an allowed email or phone and becomes
   * that attribute.
   */
  static Map<String, String> usernameAttributes(PoolSettings s, String username) {
    if (s.usernameAttributes().isEmpty()) {
      return Map.of();
    }
    if (s.usernameAttributes().contains("email") && AttributeRules.looksLikeEmail(username)) {
      return Map.of("email", username);
    }
    if (s.usernameAttributes().contains("phone_number")
        && AttributeRules.looksLikePhone(username)) {
      return Map.of("phone_number", username);
    }
    throw ErrorCode.INVALID_PARAMETER.exception(
        "Username should be either an email or a phone number.");
  }

  static void rejectAliasFormattedUsername(PoolSettings s, String username) {
    if (s.aliasAttributes().contains("email") && AttributeRules.looksLikeEmail(username)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Username cannot be of email format, since user pool is configured for email alias.");
    }
    if (s.aliasAttributes().contains("phone_number") && AttributeRules.looksLikePhone(username)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Username cannot be of phone number format, since user pool is configured for phone number alias.");
    }
  }
}
