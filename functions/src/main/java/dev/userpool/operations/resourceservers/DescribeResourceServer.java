package dev.userpool.operations.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ResourceServerStore;

/** Cognito DescribeResourceServer. */
public final class DescribeResourceServer implements Operation {
  private final Lookups lookups;
  private final ResourceServerStore servers;

  public DescribeResourceServer(Lookups lookups, ResourceServerStore servers) {
    this.lookups = lookups;
    this.servers = servers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    return ResourceServerView.wrapped(
        ResourceServerView.find(servers, pool.id(), in.string("Identifier")));
  }
}
