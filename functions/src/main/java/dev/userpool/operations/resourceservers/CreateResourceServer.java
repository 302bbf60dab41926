package dev.userpool.operations.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.ResourceServer;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ResourceServerStore;

/**
 * Cognito CreateResourceServer. At most {@link #MAX_PER_POOL} per pool (Cognito's quota of resource
 * servers per user pool); the limit is counted before the write. Messages are guessed.
 */
public final class CreateResourceServer implements Operation {
  static final int MAX_PER_POOL = 25;

  private final Lookups lookups;
  private final ResourceServerStore servers;

  public CreateResourceServer(Lookups lookups, ResourceServerStore servers) {
    this.lookups = lookups;
    this.servers = servers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    ResourceServer server =
        new ResourceServer(
            pool.id(),
            in.string("Identifier"),
            in.string("Name"),
            ResourceServerView.scopes(in),
            0);
    if (servers.count(pool.id(), MAX_PER_POOL) >= MAX_PER_POOL) {
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "The user pool has reached its limit of " + MAX_PER_POOL + " resource servers.");
    }
    if (!servers.create(server)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          server.identifier() + " already exists in user pool " + pool.id() + ".");
    }
    return ResourceServerView.wrapped(server);
  }
}
