package dev.userpool.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.SecretHash;
import dev.userpool.domain.AppClient;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.OperationContext;
import dev.userpool.protocol.OperationTable;
import dev.userpool.protocol.RequestIds;
import dev.userpool.validation.RequestValidator;
import java.time.Instant;

/**
 * The public API operations the hosted pages call on the user's behalf (SignUp, ConfirmSignUp,
 * ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword, AssociateSoftwareToken,
 * VerifySoftwareToken): the same handlers, after the same validation against the service model, as
 * a request to the JSON API. Cognito exceptions propagate with their messages. For a client with a
 * secret the page computes the SecretHash itself, as the holder of the client's secret.
 */
final class PublicOperations {
  private final OperationTable table;
  private final RequestValidator validator;
  private final String region;
  private final String accountId;

  PublicOperations(OperationTable table, String region, String accountId) {
    this.table = table;
    this.validator = new RequestValidator(table.model());
    this.region = region;
    this.accountId = accountId;
  }

  JsonNode call(String operation, ObjectNode input, Instant now, String baseUrl, String sourceIp) {
    validator.validate(operation, input);
    return table
        .find(operation)
        .orElseThrow(() -> ErrorCode.UNSUPPORTED_OPERATION.exception(operation))
        .handle(
            Input.of(input),
            new OperationContext(RequestIds.next(), region, accountId, now, sourceIp, baseUrl));
  }

  /** The SecretHash of {@code username} for a client with a secret; null for a public client. */
  static String secretHash(AppClient client, String username) {
    return client.hasSecret() && username != null
        ? SecretHash.compute(client.clientSecret(), username, client.clientId())
        : null;
  }
}
