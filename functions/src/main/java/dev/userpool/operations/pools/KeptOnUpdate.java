package dev.userpool.operations.pools;

import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The members UpdateUserPool keeps when the request leaves them out. The API reference says every
 * omitted member returns to its default, but measurements against Cognito show it is per member
 * (go-to-k/cdkd#1982 and #1968, us-east-1, 2026-08): Policies and each of its PasswordPolicy and
 * SignInPolicy stay as they were, MfaConfiguration stays, while AutoVerifiedAttributes is reset.
 * UserPoolTier stays too (the API reference's one stated exception). Members without such evidence
 * are reset (docs/fidelity.md, "UpdateUserPool: omitted members").
 */
final class KeptOnUpdate {
  private static final String MFA = "MfaConfiguration";
  private static final String TIER = "UserPoolTier";

  private KeptOnUpdate() {}

  /**
   * Carries the kept members of {@code current} into {@code updated}, the settings built from the
   * request with defaults for whatever it omitted.
   */
  static void carryOver(Input in, Map<String, Object> current, Map<String, Object> updated) {
    updated.put("Policies", policies(in, current.get("Policies"), updated.get("Policies")));
    if (!in.has(TIER) && current.containsKey(TIER)) {
      updated.put(TIER, current.get(TIER));
    }
    String before = String.valueOf(current.getOrDefault(MFA, "OFF"));
    if (!in.has(MFA)) {
      updated.put(MFA, before);
    } else if ("ON".equals(updated.get(MFA)) && !"ON".equals(before)) {
      // observed: aws-cloudformation/cloudformation-coverage-roadmap#1176 (2022, from OPTIONAL),
      // aws-amplify/amplify-cli#3268; SetUserPoolMfaConfig is the way to turn MFA on
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Cannot turn MFA functionality ON, once the user pool has been created.");
    }
  }

  /** The request's Policies, with each sub-policy it does not carry kept from the pool. */
  private static Object policies(Input in, Object current, Object fromRequest) {
    if (!(current instanceof Map<?, ?> kept)) {
      return fromRequest;
    }
    if (!in.has("Policies")) {
      return kept;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) fromRequest);
    for (String sub : new String[] {"PasswordPolicy", "SignInPolicy"}) {
      if (!in.optNode("Policies").map(p -> p.hasNonNull(sub)).orElse(false)
          && kept.get(sub) != null) {
        merged.put(sub, kept.get(sub));
      }
    }
    return merged;
  }
}
