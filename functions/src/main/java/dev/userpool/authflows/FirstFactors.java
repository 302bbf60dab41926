package dev.userpool.authflows;

import dev.userpool.domain.FeaturePlan;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first factors USER_AUTH offers a user (developer guide, "Authentication with choice-based
 * sign-in"): those the pool allows in Policies.SignInPolicy.AllowedFirstAuthFactors (default
 * PASSWORD only), that its feature plan carries (passwordless needs ESSENTIALS or PLUS), and that
 * the user can answer — PASSWORD and PASSWORD_SRP with a password (PASSWORD alone for a user
 * imported from Cognito who has yet to sign in), EMAIL_OTP with a verified email, SMS_OTP with a
 * verified phone number, WEB_AUTHN with a passkey registered for the pool's relying party ({@link
 * PasskeySignIn#usable}).
 */
public final class FirstFactors {
  static final String PASSWORD = "PASSWORD";
  static final String PASSWORD_SRP = "PASSWORD_SRP";
  static final String EMAIL_OTP = "EMAIL_OTP";
  static final String SMS_OTP = "SMS_OTP";
  static final String WEB_AUTHN = RelyingParty.WEB_AUTHN;

  private FirstFactors() {}

  /** The pool's AllowedFirstAuthFactors; [PASSWORD] when it sets none. */
  static List<String> allowedByPool(UserPool pool) {
    return allowedBy(pool.settings());
  }

  /** As {@link #allowedByPool}, on a pool's settings. */
  public static List<String> allowedBy(Map<String, Object> settings) {
    Object policies = settings.get("Policies");
    if (policies instanceof Map<?, ?> p
        && p.get("SignInPolicy") instanceof Map<?, ?> s
        && s.get("AllowedFirstAuthFactors") instanceof List<?> factors) {
      return factors.stream().map(String::valueOf).toList();
    }
    return List.of(PASSWORD);
  }

  /** The challenges this user may choose from, in the order SELECT_CHALLENGE lists them. */
  static List<String> available(
      SignInContext ctx, User user, SignInCodes codes, PasskeySignIn passkeys) {
    return available(ctx.pool(), user, codes.available(), passkeys.usable(ctx.pool(), user));
  }

  /**
   * GetUserAuthFactors' ConfiguredUserAuthFactors: the factors USER_AUTH would offer the user,
   * PASSWORD standing for both password challenges.
   */
  public static List<String> configured(UserPool userPool, User user, PasskeySignIn passkeys) {
    return available(userPool, user, true, passkeys.usable(userPool, user)).stream()
        .filter(f -> !f.equals(PASSWORD_SRP))
        .toList();
  }

  private static List<String> available(
      UserPool userPool, User user, boolean codesAvailable, boolean hasPasskey) {
    List<String> pool = allowedByPool(userPool);
    boolean passwordless =
        FeaturePlan.of(userPool).atLeast(FeaturePlan.ESSENTIALS) && codesAvailable;
    List<String> out = new ArrayList<>();
    if (pool.contains(PASSWORD) && user.password() != null) {
      out.add(PASSWORD);
      out.add(PASSWORD_SRP);
    } else if (pool.contains(PASSWORD) && ImportedUserPasswords.awaitsPassword(user)) {
      out.add(PASSWORD); // the source pool checks it; SRP needs a verifier we do not have yet
    }
    if (hasPasskey && pool.contains(WEB_AUTHN)) {
      out.add(WEB_AUTHN); // usable() has checked the feature plan
    }
    if (passwordless && pool.contains(EMAIL_OTP) && verified(user, "email")) {
      out.add(EMAIL_OTP);
    }
    if (passwordless && pool.contains(SMS_OTP) && verified(user, "phone_number")) {
      out.add(SMS_OTP);
    }
    return out;
  }

  /**
   * The first factors of a sign-in that owes MFA: the password ones, and WEB_AUTHN only when the
   * passkey is itself MFA ({@link PasskeyMfa}); the one-time-code factors never.
   */
  static List<String> underMfa(List<String> available, boolean passkeyIsMfa) {
    return available.stream()
        .filter(
            f ->
                f.equals(PASSWORD) || f.equals(PASSWORD_SRP) || f.equals(WEB_AUTHN) && passkeyIsMfa)
        .toList();
  }

  static String attributeOf(String otpChallenge) {
    return otpChallenge.equals(EMAIL_OTP) ? "email" : "phone_number";
  }

  private static boolean verified(User user, String attribute) {
    String value = user.attribute(attribute);
    return value != null
        && !value.isEmpty()
        && "true".equals(user.attribute(attribute + "_verified"));
  }
}
