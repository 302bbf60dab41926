package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserView;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;
import dev.userpool.store.UserStore;

/**
 * Cognito ListUsersInGroup: members as UserType (like ListUsers), in sub order, Limit and
 * NextToken. A membership whose user was deleted while it was being added is skipped.
 */
public final class ListUsersInGroup implements Operation {
  private final Lookups lookups;
  private final GroupStore groups;
  private final UserStore users;

  public ListUsersInGroup(Lookups lookups, GroupStore groups, UserStore users) {
    this.lookups = lookups;
    this.groups = groups;
    this.users = users;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String groupName = in.string("GroupName");
    GroupView.require(groups, pool.id(), groupName);
    Page<String> page =
        groups.members(
            pool.id(), groupName, GroupView.limit(in), in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("Users");
    for (String sub : page.items()) {
      users.findBySub(pool.id(), sub).ifPresent(u -> list.add(UserView.userType(u, null)));
    }
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
