package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.Page;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.AppClientStore;

/**
 * Cognito ListUserPoolClients: {ClientId, UserPoolId, ClientName} items, MaxResults (1–60, default
 * 60).
 */
public final class ListUserPoolClients implements Operation {
  private final Lookups lookups;
  private final AppClientStore clients;

  public ListUserPoolClients(Lookups lookups, AppClientStore clients) {
    this.lookups = lookups;
    this.clients = clients;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    Page<AppClient> page =
        clients.list(
            poolId, in.optInt("MaxResults").orElse(60), in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("UserPoolClients");
    page.items().forEach(c -> items.add(AppClientView.summary(c)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
