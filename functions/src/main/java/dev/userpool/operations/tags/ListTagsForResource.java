package dev.userpool.operations.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;

/** Cognito ListTagsForResource: {"Tags": {...}} of a pool. */
public final class ListTagsForResource implements Operation {
  private final UserPoolStore pools;

  public ListTagsForResource(UserPoolStore pools) {
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    ObjectNode out = Json.object();
    out.set("Tags", Json.tree(TaggedPools.find(pools, in.string("ResourceArn")).tags()));
    return out;
  }
}
