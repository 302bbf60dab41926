package dev.userpool.operations.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.PoolMfa;
import dev.userpool.authflows.UserMfa;
import dev.userpool.domain.User;
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
  static User apply(User user, Input in, Instant now) {
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
    return UserMfa.withPreferences(user, order(enabled), preferred, now);
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

  /** UserMFASettingList in Cognito's factor order (SMS, TOTP, email). */
  private static List<String> order(List<String> enabled) {
    List<String> out = new ArrayList<>();
    for (Member m : MEMBERS) {
      if (enabled.contains(m.factor())) {
        out.add(m.factor());
      }
    }
    return out;
  }

  private static boolean notEmpty(String value) {
    return value != null && !value.isEmpty();
  }
}
