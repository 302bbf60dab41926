package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.PasskeyMfa;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cognito SetUserPoolMfaConfig. The request states the whole MFA configuration: a factor it leaves
 * out is disabled, and a request without MfaConfiguration turns MFA OFF. ON or OPTIONAL needs at
 * least one enabled factor, and OFF no factor block at all. The factors take effect at sign-in (see
 * {@code dev.userpool.authflows.MfaStage}). WebAuthnConfiguration (the passkey relying party,
 * {@code dev.userpool.authflows.RelyingParty}) is kept when not sent. MFA ON leaves the pool's
 * sign-in policy only PASSWORD, and WEB_AUTHN when passkeys are MFA ({@link FirstFactorsUnderMfa}).
 */
public final class SetUserPoolMfaConfig implements Operation {
  private final Lookups lookups;
  private final UserPoolStore pools;

  public SetUserPoolMfaConfig(Lookups lookups, UserPoolStore pools) {
    this.lookups = lookups;
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    // A full replace: without MfaConfiguration the pool goes back to OFF and the request's factor
    // blocks are dropped (go-to-k/cdkd#791, #1929). WebAuthnConfiguration is not an MFA factor.
    boolean mfaGiven = in.has("MfaConfiguration");
    String mfa = in.stringOr("MfaConfiguration", "OFF");
    boolean sms = mfaGiven && in.has("SmsMfaConfiguration");
    boolean softwareToken =
        mfaGiven
            && in.optNode("SoftwareTokenMfaConfiguration")
                .map(n -> n.path("Enabled").asBoolean(false))
                .orElse(false);
    boolean email = mfaGiven && in.has("EmailMfaConfiguration");
    boolean anyFactor = sms || softwareToken || email;
    // a block that enables nothing still configures an MFA (observed: go-to-k/cdkd#1977)
    boolean anyFactorBlock =
        in.has("SmsMfaConfiguration")
            || in.has("SoftwareTokenMfaConfiguration")
            || in.has("EmailMfaConfiguration");
    UserPool current = lookups.pool(in.string("UserPoolId"));
    if (!mfa.equals("OFF") && !anyFactor) {
      // observed: aws/aws-sdk-js#4186 (2022) and anomalyco/sst#5177 (2024-12)
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.");
    }
    if (mfaGiven && mfa.equals("OFF") && anyFactorBlock) {
      // observed: go-to-k/cdkd#1923 (us-east-1, 2026-08-19), before the email account check
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.");
    }
    if (email) {
      requireEmailMfaPossible(current);
    }
    JsonNode webAuthn = in.optNode("WebAuthnConfiguration").orElse(null);
    if (webAuthn != null && "LITE".equals(current.settings().get("UserPoolTier"))) {
      // wording guessed after the Email MFA one
      throw ErrorCode.FEATURE_UNAVAILABLE_IN_TIER.exception(
          "The following features need to be disabled for the LITE pricing tier configured: WebAuthn");
    }
    boolean multiFactor =
        webAuthn != null
            ? PasskeyMfa.MULTI_FACTOR.equals(webAuthn.path("FactorConfiguration").asText(null))
            : PasskeyMfa.multiFactor(current.settings());
    FirstFactorsUnderMfa.checkMfaConfig(current.settings(), mfa, multiFactor);
    UserPool saved =
        Retries.onStaleWrite(
            () -> {
              UserPool pool = lookups.pool(current.id());
              Map<String, Object> s = new LinkedHashMap<>(pool.settings());
              s.put("MfaConfiguration", mfa);
              s.put(MfaSettings.SMS_ENABLED, sms);
              in.optNode("SmsMfaConfiguration")
                  .filter(n -> sms)
                  .ifPresent(
                      n -> {
                        if (n.hasNonNull("SmsAuthenticationMessage")) {
                          s.put(
                              "SmsAuthenticationMessage",
                              n.get("SmsAuthenticationMessage").asText());
                        }
                        if (n.hasNonNull("SmsConfiguration")) {
                          s.put("SmsConfiguration", Json.toMap(n.get("SmsConfiguration")));
                        }
                      });
              putOrRemove(
                  s,
                  MfaSettings.SOFTWARE_TOKEN,
                  mfaGiven ? in.optNode("SoftwareTokenMfaConfiguration").orElse(null) : null);
              putOrRemove(
                  s,
                  MfaSettings.EMAIL,
                  mfaGiven ? in.optNode("EmailMfaConfiguration").orElse(null) : null);
              if (webAuthn != null) {
                // Unlike the MFA factors, a request without WebAuthnConfiguration keeps the stored
                // one (docs/fidelity.md): the relying party must not vanish with an MFA change.
                s.put(MfaSettings.WEB_AUTHN, MfaSettings.webAuthn(webAuthn));
              }
              return pools.update(pool.withSettings(s, ctx.now()));
            });
    return MfaSettings.render(saved.settings());
  }

  /**
   * Email MFA needs a pool that sends email through its own SES identity (EmailSendingAccount
   * DEVELOPER) and a feature plan above Lite (developer guide, "Email MFA"); both texts are
   * guessed.
   */
  private static void requireEmailMfaPossible(UserPool pool) {
    Object tier = pool.settings().get("UserPoolTier");
    if ("LITE".equals(tier)) {
      throw ErrorCode.FEATURE_UNAVAILABLE_IN_TIER.exception(
          "The following features need to be disabled for the LITE pricing tier configured: Email MFA");
    }
    Object config = pool.settings().get("EmailConfiguration");
    Object account = config instanceof Map<?, ?> m ? m.get("EmailSendingAccount") : null;
    if (!"DEVELOPER".equals(account)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Email MFA requires an EmailConfiguration with EmailSendingAccount DEVELOPER.");
    }
  }

  private static void putOrRemove(Map<String, Object> s, String key, JsonNode value) {
    if (value == null) {
      s.remove(key);
    } else {
      s.put(key, Json.toMap(value));
    }
  }
}
