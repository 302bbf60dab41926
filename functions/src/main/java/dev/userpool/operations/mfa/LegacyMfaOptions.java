package dev.userpool.operations.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.UserMfa;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy MFAOptions of (Admin)SetUserSettings: SMS to phone_number is the only option ("Only
 * phone_number attribute is currently supported as a MFA option.", observed,
 * aws-amplify/aws-sdk-ios#382); an empty list turns SMS MFA off. Stored as the MFAOptions that
 * GetUser/AdminGetUser/ListUsers show; the sign-in stage treats it as SMS_MFA enabled.
 */
final class LegacyMfaOptions {
  private LegacyMfaOptions() {}

  static User apply(User user, Input in, Instant now) {
    List<Map<String, String>> options = new ArrayList<>();
    for (JsonNode option : in.optNode("MFAOptions").orElseThrow()) {
      String attribute = option.path("AttributeName").asText("");
      String medium = option.path("DeliveryMedium").asText("");
      if (!attribute.equals("phone_number") || !medium.equals("SMS")) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Only phone_number attribute is currently supported as a MFA option.");
      }
      Map<String, String> o = new LinkedHashMap<>();
      o.put("DeliveryMedium", medium);
      o.put("AttributeName", attribute);
      if (!options.contains(o)) {
        options.add(o);
      }
    }
    return UserMfa.withLegacyOptions(user, options, now);
  }
}
