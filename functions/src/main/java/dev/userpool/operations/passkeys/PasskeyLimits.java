package dev.userpool.operations.passkeys;

import dev.userpool.errors.ErrorCode;

/** Cognito's quota of 20 passkeys per user (developer guide, "Quotas"). */
final class PasskeyLimits {
  static final int PER_USER = 20;

  private PasskeyLimits() {}

  /** LimitExceededException when the user already has the maximum (wording ours). */
  static void requireRoomFor(int existing) {
    if (existing >= PER_USER) {
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "The user already has the maximum of " + PER_USER + " passkeys.");
    }
  }
}
