package dev.userpool.operations.pools;

import dev.userpool.errors.ErrorCode;
import java.util.Map;

/**
 * What Cognito checks in a pool's {@code LambdaConfig} beyond the service model's shapes: custom
 * sender triggers need the KMS key their codes are encrypted under (DG: "Activating custom sender
 * Lambda triggers"; the message is unconfirmed, docs/fidelity.md).
 */
final class LambdaConfigRules {
  private LambdaConfigRules() {}

  static void check(Map<?, ?> lambdaConfig) {
    boolean customSender =
        lambdaConfig.get("CustomEmailSender") != null
            || lambdaConfig.get("CustomSMSSender") != null;
    Object key = lambdaConfig.get("KMSKeyID");
    if (customSender && (!(key instanceof String s) || s.isBlank())) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "KMSKeyID is required when CustomEmailSender or CustomSMSSender is configured.");
    }
  }
}
