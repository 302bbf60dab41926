package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.ClientSecret;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.AppClientStore;
import java.util.List;

/**
 * Cognito DeleteUserPoolClientSecret: removes one secret; from then on only the other is accepted.
 * An unknown id is ResourceNotFoundException and the last remaining secret cannot be deleted (API
 * reference) — InvalidParameterException; both messages are ours.
 */
public final class DeleteUserPoolClientSecret implements Operation {
  private final Lookups lookups;
  private final AppClientStore clients;

  public DeleteUserPoolClientSecret(Lookups lookups, AppClientStore clients) {
    this.lookups = lookups;
    this.clients = clients;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String clientId = in.string("ClientId");
    String secretId = in.string("ClientSecretId");
    Retries.onStaleWrite(
        () -> {
          AppClient current = lookups.client(poolId, clientId);
          if (current.secrets().stream().noneMatch(s -> s.id().equals(secretId))) {
            throw ErrorCode.RESOURCE_NOT_FOUND.exception(
                "Client secret " + secretId + " does not exist for client " + clientId + ".");
          }
          if (current.secrets().size() == 1) {
            throw ErrorCode.INVALID_PARAMETER.exception(
                "The last remaining client secret of a client cannot be deleted.");
          }
          List<ClientSecret> remaining =
              current.secrets().stream().filter(s -> !s.id().equals(secretId)).toList();
          return clients.update(current.withSecrets(remaining));
        });
    return Json.object();
  }
}
