package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Group;
import dev.userpool.domain.Page;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;

/**
 * Cognito ListGroups: the pool's groups in name order (Cognito's order unconfirmed), Limit and
 * NextToken.
 */
public final class ListGroups implements Operation {
  private final Lookups lookups;
  private final GroupStore groups;

  public ListGroups(Lookups lookups, GroupStore groups) {
    this.lookups = lookups;
    this.groups = groups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    Page<Group> page =
        groups.list(pool.id(), GroupView.limit(in), in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("Groups");
    page.items().forEach(g -> list.add(GroupView.groupType(g)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
