package dev.userpool.triggers;

import dev.userpool.domain.UserPool;
import java.util.Map;

/**
 * Reads a pool's {@code LambdaConfig} as DescribeUserPool returns it (sources §5.1): which function
 * serves a trigger, which event version PreTokenGeneration gets, and the custom senders' KMS key.
 */
final class LambdaConfig {
  private final Map<?, ?> config;

  private LambdaConfig(Map<?, ?> config) {
    this.config = config;
  }

  static LambdaConfig of(UserPool pool) {
    Object config = pool.settings() == null ? null : pool.settings().get("LambdaConfig");
    return new LambdaConfig(config instanceof Map<?, ?> map ? map : Map.of());
  }

  /**
   * The function ARN of a trigger, or null. PreTokenGeneration: {@code
   * PreTokenGenerationConfig.LambdaArn} wins.
   */
  String arn(Trigger trigger) {
    if (trigger == Trigger.PRE_TOKEN_GENERATION && preTokenConfig() != null) {
      return text(preTokenConfig().get("LambdaArn"));
    }
    if (trigger == Trigger.CUSTOM_EMAIL_SENDER
        || trigger == Trigger.CUSTOM_SMS_SENDER
        || trigger == Trigger.INBOUND_FEDERATION) {
      // {LambdaVersion, LambdaArn}; V1_0 is the only version (model enums).
      return config.get(trigger.cognitoName()) instanceof Map<?, ?> sender
          ? text(sender.get("LambdaArn"))
          : null;
    }
    return text(config.get(trigger.cognitoName()));
  }

  /** The KMS key custom senders' codes are encrypted under, or null. */
  String kmsKeyId() {
    return text(config.get("KMSKeyID"));
  }

  /** {@code V1_0} unless PreTokenGenerationConfig names another version. */
  String preTokenGenerationVersion() {
    Map<?, ?> preToken = preTokenConfig();
    String version = preToken == null ? null : text(preToken.get("LambdaVersion"));
    return version == null ? "V1_0" : version;
  }

  private Map<?, ?> preTokenConfig() {
    return config.get("PreTokenGenerationConfig") instanceof Map<?, ?> map ? map : null;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
