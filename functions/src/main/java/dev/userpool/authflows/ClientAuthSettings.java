package dev.userpool.authflows;

import dev.userpool.domain.AppClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an app client's settings say about signing in: the flows it allows (ExplicitAuthFlows,
 * sources §7.1), PreventUserExistenceErrors (§8.3), the challenge session lifetime and the token
 * lifetimes (§6.5).
 */
public record ClientAuthSettings(AppClient client) {
  /** Flows a client allows when it has no ExplicitAuthFlows (sources §7.1). */
  static final List<String> DEFAULT_FLOWS =
      List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");

  private static final Duration DEFAULT_SESSION = Duration.ofMinutes(3);

  /**
   * The ALLOW_* flags in force. Legacy values (USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH,
   * CUSTOM_AUTH_FLOW_ONLY) each add their ALLOW_ equivalent to refresh and custom auth, which
   * legacy clients always had, and SRP unless CUSTOM_AUTH_FLOW_ONLY (API reference,
   * ExplicitAuthFlows).
   */
  public Set<String> allowedFlows() {
    List<String> configured = strings(settings().get("ExplicitAuthFlows"));
    if (configured.isEmpty()) {
      return new LinkedHashSet<>(DEFAULT_FLOWS);
    }
    Set<String> allowed = new LinkedHashSet<>();
    boolean legacy = false;
    for (String flow : configured) {
      switch (flow) {
        case "USER_PASSWORD_AUTH" -> {
          legacy = true;
          allowed.add("ALLOW_USER_PASSWORD_AUTH");
        }
        case "ADMIN_NO_SRP_AUTH" -> {
          legacy = true;
          allowed.add("ALLOW_ADMIN_USER_PASSWORD_AUTH");
        }
        case "CUSTOM_AUTH_FLOW_ONLY" -> legacy = true;
        default -> allowed.add(flow);
      }
    }
    if (legacy) {
      allowed.add("ALLOW_REFRESH_TOKEN_AUTH");
      allowed.add("ALLOW_CUSTOM_AUTH");
      if (!configured.contains("CUSTOM_AUTH_FLOW_ONLY")) {
        allowed.add("ALLOW_USER_SRP_AUTH");
      }
    }
    return allowed;
  }

  public boolean allows(String allowFlag) {
    return allowedFlows().contains(allowFlag);
  }

  /** PreventUserExistenceErrors is ENABLED (the API default is LEGACY). */
  public boolean hidesUserExistence() {
    return "ENABLED".equals(settings().get("PreventUserExistenceErrors"));
  }

  /** AuthSessionValidity in minutes (3–15), default 3. */
  public Duration authSessionValidity() {
    return settings().get("AuthSessionValidity") instanceof Number n && n.intValue() > 0
        ? Duration.ofMinutes(n.intValue())
        : DEFAULT_SESSION;
  }

  public Duration idTokenValidity() {
    return validity("IdTokenValidity", "IdToken", "hours", Duration.ofHours(1));
  }

  public Duration accessTokenValidity() {
    return validity("AccessTokenValidity", "AccessToken", "hours", Duration.ofHours(1));
  }

  /** RefreshTokenValidity; 0 or absent means 30 days. */
  public Duration refreshTokenValidity() {
    return validity("RefreshTokenValidity", "RefreshToken", "days", Duration.ofDays(30));
  }

  /**
   * RefreshTokenRotation.Feature is ENABLED: refresh goes through GetTokensFromRefreshToken and
   * rotates.
   */
  public boolean rotatesRefreshTokens() {
    return settings().get("RefreshTokenRotation") instanceof Map<?, ?> m
        && "ENABLED".equals(m.get("Feature"));
  }

  /**
   * RefreshTokenRotation.RetryGracePeriodSeconds (0–60, default 0): how long a rotated-out token
   * still works.
   */
  public Duration refreshTokenRetryGracePeriod() {
    return settings().get("RefreshTokenRotation") instanceof Map<?, ?> m
            && m.get("RetryGracePeriodSeconds") instanceof Number n
        ? Duration.ofSeconds(n.longValue())
        : Duration.ZERO;
  }

  /** WriteAttributes; empty means the client may write every mutable attribute. */
  public List<String> writeAttributes() {
    return strings(settings().get("WriteAttributes"));
  }

  private Duration validity(String member, String unitKey, String defaultUnit, Duration fallback) {
    if (!(settings().get(member) instanceof Number n) || n.longValue() <= 0) {
      return fallback;
    }
    Map<?, ?> units = settings().get("TokenValidityUnits") instanceof Map<?, ?> m ? m : Map.of();
    Object unit = units.get(unitKey);
    Duration one =
        switch (unit == null ? defaultUnit : unit.toString()) {
          case "seconds" -> Duration.ofSeconds(1);
          case "minutes" -> Duration.ofMinutes(1);
          case "days" -> Duration.ofDays(1);
          default -> Duration.ofHours(1);
        };
    return one.multipliedBy(n.longValue());
  }

  private Map<String, Object> settings() {
    return client.settings() == null ? Map.of() : client.settings();
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }
}
