package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.FeaturePlan;
import dev.userpool.domain.UserPool;
import dev.userpool.protocol.Json;
import java.util.List;

/**
 * Renders a pool as Cognito's UserPoolType (Create/Describe) or UserPoolDescriptionType
 * (ListUserPools).
 */
public final class UserPoolView {
  /** The UserPoolType members kept in the settings tree, in the service model's order. */
  private static final List<String> SETTINGS_MEMBERS =
      List.of(
          "Policies",
          "DeletionProtection",
          "LambdaConfig",
          "SchemaAttributes",
          "AutoVerifiedAttributes",
          "AliasAttributes",
          "UsernameAttributes",
          "SmsVerificationMessage",
          "EmailVerificationMessage",
          "EmailVerificationSubject",
          "VerificationMessageTemplate",
          "SmsAuthenticationMessage",
          "UserAttributeUpdateSettings",
          "MfaConfiguration",
          "DeviceConfiguration",
          "EmailConfiguration",
          "SmsConfiguration",
          "SmsConfigurationFailure",
          "EmailConfigurationFailure",
          "Domain",
          "CustomDomain",
          "AdminCreateUserConfig",
          "UserPoolAddOns",
          "UsernameConfiguration",
          "AccountRecoverySetting",
          "UserPoolTier");

  private UserPoolView() {}

  /** UserPoolType: identity, dates, every stored member, the user count, tags and the ARN. */
  public static ObjectNode full(UserPool pool, long estimatedNumberOfUsers) {
    ObjectNode o = Json.object();
    o.put("Id", pool.id());
    o.put("Name", pool.name());
    o.put("LastModifiedDate", Json.epochSeconds(pool.lastModifiedDate()));
    o.put("CreationDate", Json.epochSeconds(pool.creationDate()));
    for (String member : SETTINGS_MEMBERS) {
      Object value = pool.settings().get(member);
      if (value != null) {
        o.set(member, Json.tree(value));
      }
    }
    showDefaults(pool, o);
    o.put("EstimatedNumberOfUsers", estimatedNumberOfUsers);
    o.set("UserPoolTags", Json.tree(pool.tags()));
    o.put("Arn", pool.arn());
    return o;
  }

  /**
   * Members a pool shows with their default values when they were never set: UserPoolTier
   * ESSENTIALS and Policies.SignInPolicy.AllowedFirstAuthFactors [PASSWORD] (observed in a
   * describe-user-pool answer of a pool created in 2025; developer guide, "User pool feature
   * plans": ESSENTIALS is the default plan of new pools).
   */
  private static void showDefaults(UserPool pool, ObjectNode o) {
    if (!o.has("UserPoolTier")) {
      o.put("UserPoolTier", FeaturePlan.of(pool).name());
    }
    if (o.get("Policies") instanceof ObjectNode policies && !policies.has("SignInPolicy")) {
      policies.putObject("SignInPolicy").putArray("AllowedFirstAuthFactors").add("PASSWORD");
    }
  }

  /** UserPoolDescriptionType (ListUserPools items). */
  public static ObjectNode summary(UserPool pool) {
    ObjectNode o = Json.object();
    o.put("Id", pool.id());
    o.put("Name", pool.name());
    o.set(
        "LambdaConfig",
        Json.tree(pool.settings().getOrDefault("LambdaConfig", java.util.Map.of())));
    o.put("LastModifiedDate", Json.epochSeconds(pool.lastModifiedDate()));
    o.put("CreationDate", Json.epochSeconds(pool.creationDate()));
    return o;
  }
}
