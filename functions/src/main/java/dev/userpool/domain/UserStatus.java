package dev.userpool.domain;

/**
 * Cognito's UserStatusType values that Userpool assigns. "Disabled" is not a status: see
 * User#enabled.
 */
public enum UserStatus {
  UNCONFIRMED,
  CONFIRMED,
  FORCE_CHANGE_PASSWORD,
  RESET_REQUIRED,
  EXTERNAL_PROVIDER
}
