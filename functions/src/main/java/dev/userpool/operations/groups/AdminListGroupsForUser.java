package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;

/**
 * Cognito AdminListGroupsForUser: the user's groups in name order (Cognito's order unconfirmed),
 * Limit and NextToken.
 */
public final class AdminListGroupsForUser implements Operation {
  private final Lookups lookups;
  private final GroupStore groups;
  private final UserDirectory users;

  public AdminListGroupsForUser(Lookups lookups, GroupStore groups, UserDirectory users) {
    this.lookups = lookups;
    this.groups = groups;
    this.users = users;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    User user = users.require(pool, in.string("Username"));
    Page<String> page =
        groups.groupNamesOf(
            pool.id(), user.sub(), GroupView.limit(in), in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("Groups");
    for (String name : page.items()) {
      groups.find(pool.id(), name).ifPresent(g -> list.add(GroupView.groupType(g)));
    }
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
