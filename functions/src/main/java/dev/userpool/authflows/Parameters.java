package dev.userpool.authflows;

import dev.userpool.errors.ErrorCode;
import java.util.Map;
import java.util.Optional;

/**
 * AuthParameters or ChallengeResponses: a string map whose missing entries Cognito reports by name.
 */
public record Parameters(Map<String, String> values) {
  public Parameters {
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  /**
   * InvalidParameterException "Missing required parameter &lt;NAME&gt;" (observed:
   * aws/aws-sdk-cpp#452 for SRP_A, aws/aws-sdk-php#1057 for a misspelt USERNAME).
   */
  public String require(String name) {
    return optional(name)
        .orElseThrow(
            () -> ErrorCode.INVALID_PARAMETER.exception("Missing required parameter " + name));
  }

  public Optional<String> optional(String name) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
