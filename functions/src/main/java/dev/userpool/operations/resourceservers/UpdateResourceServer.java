package dev.userpool.operations.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.ResourceServer;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ResourceServerStore;

/**
 * Cognito UpdateResourceServer: Name and Scopes are replaced; omitted Scopes leave none, as the API
 * reference warns that unspecified values are reset to their defaults.
 */
public final class UpdateResourceServer implements Operation {
  private final Lookups lookups;
  private final ResourceServerStore servers;

  public UpdateResourceServer(Lookups lookups, ResourceServerStore servers) {
    this.lookups = lookups;
    this.servers = servers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    var scopes = ResourceServerView.scopes(in);
    ResourceServer saved =
        Retries.onStaleWrite(
            () -> {
              ResourceServer current =
                  ResourceServerView.find(servers, pool.id(), in.string("Identifier"));
              return servers.update(
                  current,
                  new ResourceServer(
                      pool.id(),
                      current.identifier(),
                      in.string("Name"),
                      scopes,
                      current.version()));
            });
    return ResourceServerView.wrapped(saved);
  }
}
