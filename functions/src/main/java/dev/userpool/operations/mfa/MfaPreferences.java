package dev.userpool.operations.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.PasskeyMfa;
import dev.userpool.authflows.PasskeySignIn;
import dev.userpool.authflows.PoolMfa;
import dev.userpool.authflows.UserMfa;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What (Admin)SetUserMFAPreference changes: each settings member present turns its factor on or off
 * ({@code Enabled}) and may make it the preferred one ({@code PreferredMfa}); members left out
 * change nothing. A factor is turned on only when the user can receive it: a verified TOTP token, a
 * phone_number for SMS, an email for email codes — otherwise InvalidParameterException "User does
 * not have delivery config set to turn on &lt;factor&gt;" (observed for SOFTWARE_TOKEN_MFA,
 * aws/aws-sdk-js-v3#4645; the others by analogy).
 *
 * <p>WebAuthnMfaSettings turns passkey MFA on or off ({@link PasskeyMfa}; it has no PreferredMfa, a
 * passkey is never the second factor). Turning it on needs the pool's FactorConfiguration
 * MULTI_FACTOR_WITH_USER_VERIFICATION, another factor turned on in the same request and a passkey
 * for the pool's relying party; the last two texts are Cognito's (observed, docs/fidelity.md
 * "Passkeys as MFA"). Passkey MFA never stays on alone.
 */
final class MfaPreferences {
  private record Member(String name, String factor) {}

  private static final List<Member> MEMBERS =
      List.of(
          new Member("SMSMfaSettings", PoolMfa.SMS_MFA),
          new Member("SoftwareTokenMfaSettings", PoolMfa.SOFTWARE_TOKEN_MFA),
          new Member("EmailMfaSettings", PoolMfa.EMAIL_OTP));

  private MfaPreferences() {}

  /**
   * The user with the request's preferences applied; free of side effects (it may run again on a
   * retry).
   */
  static User apply(UserPool pool, User user, Input in, Instant now, PasskeySignIn passkeys) {
    List<String> enabled = new ArrayList<>(UserMfa.enabled(user));
    String preferred = UserMfa.preferred(user).orElse(null);
    for (Member m : MEMBERS) {
      Optional<JsonNode> settings = in.optNode(m.name());
      if (settings.isEmpty() || settings.get().isNull()) {
        continue;
      }
      JsonNode s = settings.get();
      boolean preferIt = s.path("PreferredMfa").asBoolean(false);
      boolean enable =
          s.has("Enabled") ? s.path("Enabled").asBoolean(false) : enabled.contains(m.factor());
      if (preferIt && !enable) {
        // wording guessed: a factor that is off cannot be the preferred one
        throw ErrorCode.INVALID_PARAMETER.exception("Preferred MFA must be enabled: " + m.factor());
      }
      if (enable) {
        requireDeliverable(user, m.factor());
        if (!enabled.contains(m.factor())) {
          enabled.add(m.factor());
        }
      } else {
        enabled.remove(m.factor());
      }
      if (preferIt) {
        preferred = m.factor();
      } else if (m.factor().equals(preferred) && (s.has("PreferredMfa") || !enable)) {
        preferred = null;
      }
    }
    applyWebAuthn(pool, user, in, enabled, passkeys);
    return UserMfa.withPreferences(user, order(enabled), preferred, now);
  }

  private static void applyWebAuthn(
      UserPool pool, User user, Input in, List<String> enabled, PasskeySignIn passkeys) {
    JsonNode settings = in.optNode("WebAuthnMfaSettings").orElse(null);
    if (settings != null && settings.has("Enabled") && !settings.get("Enabled").isNull()) {
      if (!settings.get("Enabled").asBoolean(false)) {
        enabled.remove(PasskeyMfa.WEB_AUTHN_MFA);
      } else {
        if (!PasskeyMfa.multiFactorPool(pool)) {
          // wording ours: Cognito refuses it, its text is not public
          throw ErrorCode.INVALID_PARAMETER.exception(
              "WebAuthn MFA requires the user pool's WebAuthn FactorConfiguration "
                  + PasskeyMfa.MULTI_FACTOR
                  + ".");
        }
        if (!enablesAnotherFactor(in)) {
          throw additionalFactorRequired();
        }
        if (!passkeys.usable(pool, user)) {
          throw ErrorCode.INVALID_PARAMETER.exception(
              "User does not have applicable WebAuthn credentials to enable WebAuthn MFA.");
        }
        if (!enabled.contains(PasskeyMfa.WEB_AUTHN_MFA)) {
          enabled.add(PasskeyMfa.WEB_AUTHN_MFA);
        }
      }
    }
    if (enabled.contains(PasskeyMfa.WEB_AUTHN_MFA) && enabled.size() == 1) {
      // turning the last other factor off alone: refused with the same text (our choice)
      throw additionalFactorRequired();
    }
  }

  private static boolean enablesAnotherFactor(Input in) {
    return MEMBERS.stream()
        .map(m -> in.optNode(m.name()).orElse(null))
        .anyMatch(n -> n != null && n.path("Enabled").asBoolean(false));
  }

  private static CognitoException additionalFactorRequired() {
    return ErrorCode.INVALID_PARAMETER.exception(
        "WebAuthn MFA requires enabling an additional MFA setting.");
  }

  private static void requireDeliverable(User user, String factor) {
    boolean can =
        switch (factor) {
          case PoolMfa.SOFTWARE_TOKEN_MFA -> UserMfa.softwareToken(user).verified();
          case PoolMfa.SMS_MFA -> notEmpty(user.attribute("phone_number"));
          case PoolMfa.EMAIL_OTP -> notEmpty(user.attribute("email"));
          default -> false;
        };
    if (!can) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "User does not have delivery config set to turn on " + factor);
    }
  }

  /** UserMFASettingList in Cognito's factor order (SMS, TOTP, email), passkey MFA last. */
  private static List<String> order(List<String> enabled) {
    List<String> out = new ArrayList<>();
    for (Member m : MEMBERS) {
      if (enabled.contains(m.factor())) {
        out.add(m.factor());
      }
    }
    if (enabled.contains(PasskeyMfa.WEB_AUTHN_MFA)) {
      out.add(PasskeyMfa.WEB_AUTHN_MFA);
    }
    return out;
  }

  private static boolean notEmpty(String value) {
    return value != null && !value.isEmpty();
  }
}
