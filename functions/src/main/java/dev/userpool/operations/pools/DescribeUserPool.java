package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserStore;

/** Cognito DescribeUserPool. */
public final class DescribeUserPool implements Operation {
  private final Lookups lookups;
  private final UserStore users;

  public DescribeUserPool(Lookups lookups, UserStore users) {
    this.lookups = lookups;
    this.users = users;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    ObjectNode out = Json.object();
    out.set("UserPool", UserPoolView.full(pool, users.count(pool.id())));
    return out;
  }
}
