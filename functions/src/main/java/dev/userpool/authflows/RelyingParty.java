package dev.userpool.authflows;

import dev.userpool.domain.FeaturePlan;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The pool's passkey relying party, from SetUserPoolMfaConfig's WebAuthnConfiguration: its id (the
 * RelyingPartyId, else the pool's custom domain, else its prefix domain {@code
 * <prefix>.auth.<region>.amazoncognito.com} — API reference, WebAuthnConfigurationType) and whether
 * user verification is required or preferred (the default).
 *
 * <p>Origins follow the WebAuthn rule browsers apply to an RP id (WebAuthn L2 §5.1.3 step 8, HTML
 * "is a registrable domain suffix"): {@code https} on the RP id itself or any of its subdomains,
 * any port; {@code http} only on {@code localhost}, which browsers treat as secure.
 */
public record RelyingParty(String id, boolean userVerificationRequired) {
  /** The settings key of the stored WebAuthnConfiguration (not a DescribeUserPool member). */
  public static final String SETTINGS_KEY = "_WebAuthnConfiguration";

  public static final String WEB_AUTHN = "WEB_AUTHN";

  /** The pool's relying party; WebAuthnConfigurationMissingException when it has no id at all. */
  public static RelyingParty of(UserPool pool) {
    Map<?, ?> config =
        pool.settings().get(SETTINGS_KEY) instanceof Map<?, ?> m ? m : Map.<String, Object>of();
    boolean uvRequired = "required".equals(config.get("UserVerification"));
    Object id = config.get("RelyingPartyId");
    if (id == null) {
      id = pool.settings().get("CustomDomain");
    }
    if (id == null && pool.settings().get("Domain") != null) {
      id = pool.settings().get("Domain") + ".auth." + pool.region() + ".amazoncognito.com";
    }
    if (id == null) {
      // wording ours (docs/fidelity.md)
      throw ErrorCode.WEB_AUTHN_CONFIGURATION_MISSING.exception(
          "The user pool has no relying party id and no domain.");
    }
    return new RelyingParty(String.valueOf(id).toLowerCase(Locale.ROOT), uvRequired);
  }

  /**
   * Whether passkeys are on for the pool: a feature plan above Lite and WEB_AUTHN among the
   * AllowedFirstAuthFactors (or passkeys configured as an MFA factor).
   */
  public static boolean enabledFor(UserPool pool) {
    if (!FeaturePlan.of(pool).atLeast(FeaturePlan.ESSENTIALS)) {
      return false;
    }
    return PasskeyMfa.multiFactorPool(pool) || FirstFactors.allowedByPool(pool).contains(WEB_AUTHN);
  }

  /** WebAuthnNotEnabledException unless passkeys are on (wording ours). */
  public static void requireEnabled(UserPool pool) {
    if (!enabledFor(pool)) {
      throw ErrorCode.WEB_AUTHN_NOT_ENABLED.exception(
          "Passkeys are not enabled for this user pool.");
    }
  }

  /** This relying party with user verification required (a passkey sign-in that is MFA). */
  public RelyingParty requiringUserVerification() {
    return new RelyingParty(id, true);
  }

  /** Whether a ceremony at {@code origin} may use this RP id. */
  public boolean allowsOrigin(String origin) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String host = uri.getHost();
    if (host == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    boolean sameSite = host.equals(id) || host.endsWith("." + id);
    if ("https".equals(uri.getScheme())) {
      return sameSite;
    }
    return "http".equals(uri.getScheme()) && sameSite && host.equals("localhost");
  }
}
