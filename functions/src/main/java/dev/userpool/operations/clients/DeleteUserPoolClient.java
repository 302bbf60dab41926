package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.AppClientStore;

/** Cognito DeleteUserPoolClient. */
public final class DeleteUserPoolClient implements Operation {
  private final Lookups lookups;
  private final AppClientStore clients;

  public DeleteUserPoolClient(Lookups lookups, AppClientStore clients) {
    this.lookups = lookups;
    this.clients = clients;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = in.string("UserPoolId");
    lookups.pool(poolId);
    clients.delete(lookups.client(poolId, in.string("ClientId")));
    return Json.object();
  }
}
