package dev.userpool.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Cognito operation: validated input in, output out. Implementations never see HTTP, never
 * catch exceptions, and signal caller errors only with {@link
 * dev.userpool.errors.CognitoException}.
 */
@FunctionalInterface
public interface Operation {
  /**
   * @param input the request body, already checked against the service model (types and
   *     constraints)
   * @return the response body; an empty object for operations whose output shape is empty
   */
  JsonNode handle(Input input, OperationContext context);
}
