package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import java.util.Map;

/**
 * Passkeys as multi-factor authentication (API reference, WebAuthnConfigurationType and
 * WebAuthnMfaSettingsType). A passkey is only ever a first factor, never a second factor after a
 * password (developer guide, "Passkey sign-in"). It satisfies MFA on its own when the pool's
 * FactorConfiguration is MULTI_FACTOR_WITH_USER_VERIFICATION and the user turned passkey MFA on
 * (WebAuthnMfaSettings; WEB_AUTHN_MFA in UserMFASettingList) — and then the authenticator must
 * verify the user. Otherwise a user who owes MFA cannot start a sign-in with a passkey.
 */
public final class PasskeyMfa {
  public static final String MULTI_FACTOR = "MULTI_FACTOR_WITH_USER_VERIFICATION";

  /** The user's passkey MFA in UserMFASettingList (observed in GetUser, see docs/fidelity.md). */
  public static final String WEB_AUTHN_MFA = "WEB_AUTHN_MFA";

  private PasskeyMfa() {}

  /** Whether the pool's FactorConfiguration lets a user-verified passkey count as MFA. */
  public static boolean multiFactorPool(UserPool pool) {
    return multiFactor(pool.settings());
  }

  /** As {@link #multiFactorPool}, on a pool's settings. */
  public static boolean multiFactor(Map<String, Object> settings) {
    return settings.get(RelyingParty.SETTINGS_KEY) instanceof Map<?, ?> m
        && MULTI_FACTOR.equals(m.get("FactorConfiguration"));
  }

  /** Whether this user's passkey sign-in is MFA: the pool allows it and the user turned it on. */
  public static boolean activeFor(UserPool pool, User user) {
    return multiFactorPool(pool) && UserMfa.enabled(user).contains(WEB_AUTHN_MFA);
  }
}
