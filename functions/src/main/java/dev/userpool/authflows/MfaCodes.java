package dev.userpool.authflows;

import dev.userpool.domain.User;

/**
 * Sign-in codes sent by SMS or email (SMS_MFA, EMAIL_OTP): the operations layer implements it over
 * the code sender (CustomMessage_Authentication, templates, SES/SNS/outbox) and the code store
 * (keyed hashes with a TTL), as every other code is sent and kept.
 */
public interface MfaCodes {
  /** Where a code went: the medium (SMS, EMAIL) and the masked destination. */
  record Sent(String medium, String maskedDestination) {}

  /** Sends a new code for {@code factor} (SMS_MFA to phone_number, EMAIL_OTP to email). */
  Sent send(SignInContext ctx, User user, String factor);

  /** Whether {@code code} is the user's live sign-in code; a right one is used up. */
  boolean accept(SignInContext ctx, User user, String code);

  /** No code channel: SMS and email factors are never offered. */
  MfaCodes NONE =
      new MfaCodes() {
        @Override
        public Sent send(SignInContext ctx, User user, String factor) {
          throw new IllegalStateException("no MFA code channel wired");
        }

        @Override
        public boolean accept(SignInContext ctx, User user, String code) {
          return false;
        }
      };
}
