package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a CreateUserPool/UpdateUserPool request into the pool's settings tree with Cognito's
 * defaults applied. Both operations go through here: UpdateUserPool resets most members it does not
 * carry to their defaults ("If you don't provide a value for an attribute, Amazon Cognito sets it
 * to its default value", model docs of UpdateUserPool) and keeps those Cognito was measured to keep
 * ({@link KeptOnUpdate}).
 *
 * <p>Defaults as a minimal CreateUserPool returns them (observed describe-user-pool output,
 * kengraf/nadialin 2023-03; awscli/examples/cognito-idp/create-user-pool.rst):
 * Policies.PasswordPolicy 8/true/true/true/true/7, LambdaConfig {}, MfaConfiguration OFF,
 * VerificationMessageTemplate {DefaultEmailOption CONFIRM_WITH_CODE}, EmailConfiguration
 * {EmailSendingAccount COGNITO_DEFAULT}, AdminCreateUserConfig {false, 7}. Settings that are not
 * DescribeUserPool members are kept under keys starting with {@code _}.
 */
public final class UserPoolDefaults {
  /**
   * Members UpdateUserPool cannot set and keeps: those only CreateUserPool sets, and the domains
   * that the *UserPoolDomain operations record on the pool.
   */
  static final List<String> CREATE_ONLY =
      List.of(
          "SchemaAttributes",
          "AliasAttributes",
          "UsernameAttributes",
          "UsernameConfiguration",
          "Domain",
          "CustomDomain");

  /** Members copied as given when present, and absent otherwise. */
  private static final List<String> OPTIONAL =
      List.of(
          "AutoVerifiedAttributes",
          "SmsVerificationMessage",
          "EmailVerificationMessage",
          "EmailVerificationSubject",
          "SmsAuthenticationMessage",
          "DeviceConfiguration",
          "SmsConfiguration",
          "UserPoolAddOns",
          "AccountRecoverySetting",
          "UserPoolTier");

  private UserPoolDefaults() {}

  /** Settings of a new pool. */
  public static Map<String, Object> forCreate(Input in) {
    List<String> usernameAttributes = in.strings("UsernameAttributes");
    List<String> aliasAttributes = in.strings("AliasAttributes");
    if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
      // guessed wording; the exception type is what clients rely on
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Only one of the parameters, AliasAttributes or UsernameAttributes, can be specified.");
    }
    Map<String, Object> s = common(in);
    s.put("SchemaAttributes", SchemaAttributes.forNewPool(in.optNode("Schema").orElse(null)));
    if (!aliasAttributes.isEmpty()) {
      s.put("AliasAttributes", aliasAttributes);
    }
    if (!usernameAttributes.isEmpty()) {
      s.put("UsernameAttributes", usernameAttributes);
    }
    in.optNode("UsernameConfiguration")
        .ifPresent(n -> s.put("UsernameConfiguration", Json.toMap(n)));
    checkFirstFactors(s);
    FirstFactorsUnderMfa.checkSignInPolicy(s);
    return s;
  }

  /**
   * Settings after UpdateUserPool: create-only members, hidden MFA settings and the members of
   * {@link KeptOnUpdate} carried over, the rest reset.
   */
  public static Map<String, Object> forUpdate(Input in, Map<String, Object> current) {
    Map<String, Object> s = common(in);
    KeptOnUpdate.carryOver(in, current, s);
    for (String member : CREATE_ONLY) {
      if (current.containsKey(member)) {
        s.put(member, current.get(member));
      }
    }
    current.forEach(
        (key, value) -> {
          if (key.startsWith("_")) {
            s.put(key, value);
          }
        });
    checkFirstFactors(s);
    FirstFactorsUnderMfa.checkSignInPolicy(s);
    return s;
  }

  private static Map<String, Object> common(Input in) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Policies", policies(in.optNode("Policies").orElse(null)));
    s.put("DeletionProtection", in.stringOr("DeletionProtection", "INACTIVE"));
    Map<String, Object> lambdaConfig =
        in.optNode("LambdaConfig").map(Json::toMap).orElseGet(LinkedHashMap::new);
    LambdaConfigRules.check(lambdaConfig);
    s.put("LambdaConfig", lambdaConfig);
    for (String member : OPTIONAL) {
      in.optNode(member).ifPresent(n -> s.put(member, Json.mapper().convertValue(n, Object.class)));
    }
    s.put("VerificationMessageTemplate", verificationTemplate(in, s));
    s.put("UserAttributeUpdateSettings", attributeUpdateSettings(in));
    s.put("MfaConfiguration", in.stringOr("MfaConfiguration", "OFF"));
    Map<String, Object> email =
        in.optNode("EmailConfiguration").map(Json::toMap).orElseGet(LinkedHashMap::new);
    email.putIfAbsent("EmailSendingAccount", "COGNITO_DEFAULT");
    s.put("EmailConfiguration", email);
    Map<String, Object> admin =
        in.optNode("AdminCreateUserConfig").map(Json::toMap).orElseGet(LinkedHashMap::new);
    admin.putIfAbsent("AllowAdminCreateUserOnly", false);
    admin.putIfAbsent("UnusedAccountValidityDays", 7);
    s.put("AdminCreateUserConfig", admin);
    return s;
  }

  /**
   * Passwordless first factors (EMAIL_OTP, SMS_OTP, WEB_AUTHN in
   * SignInPolicy.AllowedFirstAuthFactors) need the ESSENTIALS or PLUS feature plan (developer
   * guide, "User pool feature plans"); on LITE they are FeatureUnavailableInTierException (message
   * ours). A pool without a UserPoolTier is ESSENTIALS.
   */
  private static void checkFirstFactors(Map<String, Object> settings) {
    Object policies = settings.get("Policies");
    if (!"LITE".equals(settings.get("UserPoolTier"))
        || !(policies instanceof Map<?, ?> p)
        || !(p.get("SignInPolicy") instanceof Map<?, ?> s)
        || !(s.get("AllowedFirstAuthFactors") instanceof List<?> factors)) {
      return;
    }
    for (Object factor : factors) {
      if (!"PASSWORD".equals(factor)) {
        throw ErrorCode.FEATURE_UNAVAILABLE_IN_TIER.exception(
            "The first authentication factor "
                + factor
                + " requires the ESSENTIALS or PLUS feature plan.");
      }
    }
  }

  /**
   * PasswordPolicy booleans default to false when a policy is given, to true when none is (sources
   * §8.1).
   */
  static Map<String, Object> policies(JsonNode given) {
    Map<String, Object> policies = new LinkedHashMap<>();
    if (given != null) {
      policies.putAll(Json.toMap(given));
    }
    Map<String, Object> password = new LinkedHashMap<>();
    JsonNode p = given == null ? null : given.get("PasswordPolicy");
    boolean none = p == null || p.isNull();
    password.put(
        "MinimumLength",
        none || !p.hasNonNull("MinimumLength") ? 8 : p.get("MinimumLength").intValue());
    for (String flag :
        List.of("RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols")) {
      password.put(flag, none || p.path(flag).asBoolean(false));
    }
    int days = none ? 0 : p.path("TemporaryPasswordValidityDays").asInt(0);
    password.put(
        "TemporaryPasswordValidityDays",
        days == 0 ? 7 : days); // 0 means the default (sources §8.1)
    if (!none && p.hasNonNull("PasswordHistorySize")) {
      password.put("PasswordHistorySize", p.get("PasswordHistorySize").intValue());
    }
    policies.put("PasswordPolicy", password);
    return policies;
  }

  /**
   * VerificationMessageTemplate with DefaultEmailOption CONFIRM_WITH_CODE; the legacy top-level
   * messages and the template's fields mirror each other, as in Cognito's responses.
   */
  private static Map<String, Object> verificationTemplate(Input in, Map<String, Object> s) {
    Map<String, Object> t =
        in.optNode("VerificationMessageTemplate").map(Json::toMap).orElseGet(LinkedHashMap::new);
    mirror(s, "SmsVerificationMessage", t, "SmsMessage");
    mirror(s, "EmailVerificationMessage", t, "EmailMessage");
    mirror(s, "EmailVerificationSubject", t, "EmailSubject");
    t.putIfAbsent("DefaultEmailOption", "CONFIRM_WITH_CODE");
    return t;
  }

  private static void mirror(
      Map<String, Object> s, String legacy, Map<String, Object> t, String field) {
    if (s.containsKey(legacy) && !t.containsKey(field)) {
      t.put(field, s.get(legacy));
    } else if (t.containsKey(field) && !s.containsKey(legacy)) {
      s.put(legacy, t.get(field));
    }
  }

  private static Map<String, Object> attributeUpdateSettings(Input in) {
    Map<String, Object> settings =
        in.optNode("UserAttributeUpdateSettings").map(Json::toMap).orElseGet(LinkedHashMap::new);
    Object required = settings.get("AttributesRequireVerificationBeforeUpdate");
    List<String> attributes =
        required instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    List<String> autoVerified = in.strings("AutoVerifiedAttributes");
    if (!autoVerified.containsAll(attributes)) {
      // Cognito's text, quoted in ekristen/aws-nuke#477
      throw ErrorCode.INVALID_PARAMETER.exception(
          "All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes");
    }
    settings.put("AttributesRequireVerificationBeforeUpdate", attributes);
    return settings;
  }
}
