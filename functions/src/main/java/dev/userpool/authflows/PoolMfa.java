package dev.userpool.authflows;

import dev.userpool.domain.UserPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pool's MFA configuration as SetUserPoolMfaConfig stored it: MfaConfiguration (OFF, ON,
 * OPTIONAL) and which second factors are enabled. SMS shares the pool's
 * SmsAuthenticationMessage/SmsConfiguration; TOTP and email live under hidden settings keys (they
 * are not DescribeUserPool members).
 */
public record PoolMfa(String configuration, boolean sms, boolean softwareToken, boolean email) {
  public static final String SMS_ENABLED = "_SmsMfaEnabled";
  public static final String SOFTWARE_TOKEN = "_SoftwareTokenMfaConfiguration";
  public static final String EMAIL = "_EmailMfaConfiguration";

  public static final String SMS_MFA = "SMS_MFA";
  public static final String SOFTWARE_TOKEN_MFA = "SOFTWARE_TOKEN_MFA";
  public static final String EMAIL_OTP = "EMAIL_OTP";

  public static PoolMfa of(UserPool pool) {
    Map<String, Object> s = pool.settings();
    boolean totp =
        s.get(SOFTWARE_TOKEN) instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("Enabled"));
    return new PoolMfa(
        String.valueOf(s.getOrDefault("MfaConfiguration", "OFF")),
        Boolean.TRUE.equals(s.get(SMS_ENABLED)),
        totp,
        s.get(EMAIL) != null);
  }

  public boolean off() {
    return configuration.equals("OFF");
  }

  public boolean required() {
    return configuration.equals("ON");
  }

  /** Whether the pool lets users use {@code factor} (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP). */
  public boolean allows(String factor) {
    return switch (factor) {
      case SMS_MFA -> sms;
      case SOFTWARE_TOKEN_MFA -> softwareToken;
      case EMAIL_OTP -> email;
      default -> false;
    };
  }

  /** The enabled factors in Cognito's order. */
  public List<String> factors() {
    List<String> factors = new ArrayList<>();
    if (sms) {
      factors.add(SMS_MFA);
    }
    if (softwareToken) {
      factors.add(SOFTWARE_TOKEN_MFA);
    }
    if (email) {
      factors.add(EMAIL_OTP);
    }
    return factors;
  }
}
