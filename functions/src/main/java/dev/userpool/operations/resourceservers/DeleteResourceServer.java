package dev.userpool.operations.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ResourceServerStore;

/**
 * Cognito DeleteResourceServer. App clients keep the scope names in AllowedOAuthScopes (Cognito
 * does not cascade); the token endpoints grant only scopes that still exist.
 */
public final class DeleteResourceServer implements Operation {
  private final Lookups lookups;
  private final ResourceServerStore servers;

  public DeleteResourceServer(Lookups lookups, ResourceServerStore servers) {
    this.lookups = lookups;
    this.servers = servers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    servers.delete(ResourceServerView.find(servers, pool.id(), in.string("Identifier")));
    return Json.object();
  }
}
