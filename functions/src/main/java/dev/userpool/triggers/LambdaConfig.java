package dev.userpool.triggers;

import dev.userpool.domain.UserPool;
import java.util.Map;

/**
 * Reads a pool's {@code LambdaConfig} as DescribeUserPool returns it (sources §5.1): which function
 * serves a trigger, and which event version PreTokenGeneration gets.
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
    return text(config.get(trigger.cognitoName()));
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
