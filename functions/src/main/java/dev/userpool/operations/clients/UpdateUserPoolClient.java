package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.AppClientStore;

/**
 * Cognito UpdateUserPoolClient. Members the request omits return to their defaults, as in Cognito; the name
 * (when omitted) and the secret stay.
 */
public final class UpdateUserPoolClient implements Operation {
  private final Lookups lookups;
  private final AppClientStore clients;

  public UpdateUserPoolClient(Lookups lookups, AppClientStore clients) {
    this.lookups = lookups;
    this.clients = clients;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String clientId = in.string("ClientId");
    AppClient saved = Retries.onStaleWrite(() -> {
      AppClient current = lookups.client(pool.id(), clientId);
      return clients.update(current.withSettings(in.stringOr("ClientName", current.clientName()),
          AppClientDefaults.from(in, pool, current.hasSecret(), false), ctx.now()));
    });
    ObjectNode out = Json.object();
    out.set("UserPoolClient", AppClientView.full(saved));
    return out;
  }
}
