package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito DescribeUserPoolClient (the secret included). */
public final class DescribeUserPoolClient implements Operation {
  private final Lookups lookups;

  public DescribeUserPoolClient(Lookups lookups) {
    this.lookups = lookups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = in.string("UserPoolId");
    lookups.pool(poolId);
    ObjectNode out = Json.object();
    out.set("UserPoolClient", AppClientView.full(lookups.client(poolId, in.string("ClientId"))));
    return out;
  }
}
