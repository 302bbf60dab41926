package dev.userpool.operations.clients;

import dev.userpool.errors.ErrorCode;
import java.time.Duration;
import java.util.Map;

/**
 * Token lifetimes of an app client (sources §6.5): ID and access tokens 5 minutes to 1 day (default
 * 1 hour), refresh tokens 60 minutes to 3650 days (default 30 days, 0 meaning the default). Each
 * value is read in its unit from TokenValidityUnits, whose defaults are hours for ID/access and
 * days for refresh tokens.
 */
public final class TokenValidity {
  static final Duration ACCESS_MIN = Duration.ofMinutes(5);
  static final Duration ACCESS_MAX = Duration.ofDays(1);
  static final Duration REFRESH_MIN = Duration.ofMinutes(60);
  static final Duration REFRESH_MAX = Duration.ofDays(3650);
  static final int DEFAULT_REFRESH_DAYS = 30;

  private TokenValidity() {}

  /** One unit of {@code seconds|minutes|hours|days} (the model's TimeUnitsType). */
  static Duration unit(String name) {
    return switch (name) {
      case "seconds" -> Duration.ofSeconds(1);
      case "minutes" -> Duration.ofMinutes(1);
      case "hours" -> Duration.ofHours(1);
      case "days" -> Duration.ofDays(1);
      default -> throw new IllegalArgumentException("not a TimeUnitsType: " + name);
    };
  }

  /**
   * Rejects a lifetime outside Cognito's bounds: InvalidParameterException "Invalid range for token
   * validity." (the whole message as observed: aws-samples/cloudfront-authorization-at-edge#144).
   */
  static void check(Map<String, Object> settings) {
    Map<?, ?> units = settings.get("TokenValidityUnits") instanceof Map<?, ?> m ? m : Map.of();
    checkOne(
        settings, units, "AccessTokenValidity", "AccessToken", "hours", ACCESS_MIN, ACCESS_MAX);
    checkOne(settings, units, "IdTokenValidity", "IdToken", "hours", ACCESS_MIN, ACCESS_MAX);
    checkOne(
        settings, units, "RefreshTokenValidity", "RefreshToken", "days", REFRESH_MIN, REFRESH_MAX);
  }

  private static void checkOne(
      Map<String, Object> settings,
      Map<?, ?> units,
      String member,
      String unitKey,
      String defaultUnit,
      Duration min,
      Duration max) {
    if (!(settings.get(member) instanceof Number n)) {
      return;
    }
    Object unitName = units.get(unitKey);
    Duration value =
        unit(unitName == null ? defaultUnit : unitName.toString()).multipliedBy(n.longValue());
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw ErrorCode.INVALID_PARAMETER.exception("Invalid range for token validity.");
    }
  }

  /** The effective lifetime of a client's ID token. */
  public static Duration idToken(Map<String, Object> settings) {
    return effective(settings, "IdTokenValidity", "IdToken", "hours", Duration.ofHours(1));
  }

  /** The effective lifetime of a client's access token. */
  public static Duration accessToken(Map<String, Object> settings) {
    return effective(settings, "AccessTokenValidity", "AccessToken", "hours", Duration.ofHours(1));
  }

  /** The effective lifetime of a client's refresh token. */
  public static Duration refreshToken(Map<String, Object> settings) {
    return effective(
        settings,
        "RefreshTokenValidity",
        "RefreshToken",
        "days",
        Duration.ofDays(DEFAULT_REFRESH_DAYS));
  }

  private static Duration effective(
      Map<String, Object> settings,
      String member,
      String unitKey,
      String defaultUnit,
      Duration fallback) {
    if (!(settings.get(member) instanceof Number n) || n.longValue() == 0) {
      return fallback;
    }
    Map<?, ?> units = settings.get("TokenValidityUnits") instanceof Map<?, ?> m ? m : Map.of();
    Object unitName = units.get(unitKey);
    return unit(unitName == null ? defaultUnit : unitName.toString()).multipliedBy(n.longValue());
  }
}
