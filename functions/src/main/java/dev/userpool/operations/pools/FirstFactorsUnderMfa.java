package dev.userpool.operations.pools;

import dev.userpool.authflows.FirstFactors;
import dev.userpool.authflows.PasskeyMfa;
import dev.userpool.errors.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * The first factors a pool may allow while MFA is required (MfaConfiguration ON): PASSWORD, and
 * WEB_AUTHN only when the pool's WebAuthn FactorConfiguration is
 * MULTI_FACTOR_WITH_USER_VERIFICATION (developer guide, "Adding MFA to a user pool"). Cognito
 * refuses the other combinations with InvalidParameterException, worded by the operation that makes
 * them (texts observed, docs/fidelity.md "Passkeys as MFA").
 */
final class FirstFactorsUnderMfa {
  private FirstFactorsUnderMfa() {}

  /** SetUserPoolMfaConfig turning MFA on (or keeping it on) over the pool's sign-in policy. */
  static void checkMfaConfig(Map<String, Object> pool, String mfa, boolean multiFactor) {
    if (!mfa.equals("ON")) {
      return;
    }
    List<String> allowed = FirstFactors.allowedBy(pool);
    if (allowed.contains("EMAIL_OTP") || allowed.contains("SMS_OTP")) {
      // observed: go-to-k/cdkd#1975 (us-east-1, 2026-08-19)
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled");
    }
    if (allowed.contains("WEB_AUTHN") && !multiFactor) {
      // observed: go-to-k/cdkd#2064 (us-east-1, 2026-08-20)
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Cannot set WebAuthn factor configuration to SINGLE_FACTOR if MFA is required and WebAuthn is an allowed first auth factor");
    }
  }

  /** Create/UpdateUserPool: a sign-in policy with WEB_AUTHN beside MfaConfiguration ON. */
  static void checkSignInPolicy(Map<String, Object> settings) {
    if ("ON".equals(settings.get("MfaConfiguration"))
        && FirstFactors.allowedBy(settings).contains("WEB_AUTHN")
        && !PasskeyMfa.multiFactor(settings)) {
      // observed: hashicorp/terraform-provider-aws#50110 (2026-09)
      throw ErrorCode.INVALID_PARAMETER.exception(
          "WEB_AUTHN cannot be used as an auth factor when MFA is enabled if not configured for MFA.");
    }
  }
}
