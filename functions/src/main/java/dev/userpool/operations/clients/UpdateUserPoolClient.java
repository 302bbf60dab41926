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
import dev.userpool.store.ResourceServerStore;

/**
 * Cognito UpdateUserPoolClient. Members the request omits return to their defaults, as in Cognito;
 * the name (when omitted) and the secret stay.
 */
public final class UpdateUserPoolClient implements Operation {
  private final Lookups lookups;
  private final AppClientStore clients;
  private final ResourceServerStore resourceServers;

  public UpdateUserPoolClient(
      Lookups lookups, AppClientStore clients, ResourceServerStore resourceServers) {
    this.lookups = lookups;
    this.clients = clients;
    this.resourceServers = resourceServers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String clientId = in.string("ClientId");
    AppClient saved =
        Retries.onStaleWrite(
            () -> {
              AppClient current = lookups.client(pool.id(), clientId);
              var settings = AppClientDefaults.from(in, pool, current.hasSecret(), false);
              OAuthClientSettings.check(settings, pool.id(), resourceServers);
              return clients.update(
                  current.withSettings(
                      in.stringOr("ClientName", current.clientName()), settings, ctx.now()));
            });
    ObjectNode out = Json.object();
    out.set("UserPoolClient", AppClientView.full(saved));
    return out;
  }
}
