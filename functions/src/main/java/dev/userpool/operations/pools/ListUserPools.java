package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.UserPool;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;

/**
 * Cognito ListUserPools: the pools of the caller's region, MaxResults (1–60, required) at a time.
 */
public final class ListUserPools implements Operation {
  private final UserPoolStore pools;

  public ListUserPools(UserPoolStore pools) {
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    Page<UserPool> page =
        pools.list(
            ctx.region(),
            in.optInt("MaxResults").orElse(60),
            in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("UserPools");
    page.items().forEach(p -> items.add(UserPoolView.summary(p)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
