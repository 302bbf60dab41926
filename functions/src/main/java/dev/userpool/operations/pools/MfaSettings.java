package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.PoolMfa;
import dev.userpool.authflows.RelyingParty;
import dev.userpool.protocol.Json;
import java.util.LinkedHashMap;
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
  static final String WEB_AUTHN = RelyingParty.SETTINGS_KEY;

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
    if (settings.get(WEB_AUTHN) != null) {
      out.set("WebAuthnConfiguration", Json.tree(settings.get(WEB_AUTHN)));
    }
    return out;
  }

  /**
   * The stored WebAuthnConfiguration: the members sent, UserVerification {@code preferred} when
   * absent (the API reference's default).
   */
  static Map<String, Object> webAuthn(JsonNode config) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (config.hasNonNull("RelyingPartyId")) {
      out.put("RelyingPartyId", config.get("RelyingPartyId").asText());
    }
    out.put("UserVerification", config.path("UserVerification").asText("preferred"));
    if (config.hasNonNull("FactorConfiguration")) {
      out.put("FactorConfiguration", config.get("FactorConfiguration").asText());
    }
    return out;
  }
}
