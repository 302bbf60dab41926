package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.PoolMfa;
import dev.userpool.protocol.Json;
import java.util.Map;

/**
 * The pool-level MFA factors that Get/SetUserPoolMfaConfig manage. SMS MFA shares the pool's
 * SmsAuthenticationMessage and SmsConfiguration members; the other factors are not DescribeUserPool
 * members and live under hidden keys.
 */
final class MfaSettings {
  static final String SMS_ENABLED = PoolMfa.SMS_ENABLED;
  static final String SOFTWARE_TOKEN = PoolMfa.SOFTWARE_TOKEN;
  static final String EMAIL = PoolMfa.EMAIL;

  private MfaSettings() {}

  /** GetUserPoolMfaConfig's / SetUserPoolMfaConfig's output from the stored settings. */
  static ObjectNode render(Map<String, Object> settings) {
    ObjectNode out = Json.object();
    if (Boolean.TRUE.equals(settings.get(SMS_ENABLED))) {
      ObjectNode sms = out.putObject("SmsMfaConfiguration");
      if (settings.get("SmsAuthenticationMessage") != null) {
        sms.put(
            "SmsAuthenticationMessage", String.valueOf(settings.get("SmsAuthenticationMessage")));
      }
      if (settings.get("SmsConfiguration") != null) {
        sms.set("SmsConfiguration", Json.tree(settings.get("SmsConfiguration")));
      }
    }
    if (settings.get(SOFTWARE_TOKEN) != null) {
      out.set("SoftwareTokenMfaConfiguration", Json.tree(settings.get(SOFTWARE_TOKEN)));
    }
    if (settings.get(EMAIL) != null) {
      out.set("EmailMfaConfiguration", Json.tree(settings.get(EMAIL)));
    }
    out.put("MfaConfiguration", String.valueOf(settings.getOrDefault("MfaConfiguration", "OFF")));
    return out;
  }
}
