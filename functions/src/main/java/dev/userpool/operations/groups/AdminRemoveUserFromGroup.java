package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;

/** Cognito AdminRemoveUserFromGroup: removing a user who is not a member succeeds (unconfirmed). */
public final class AdminRemoveUserFromGroup implements Operation {
  private final Lookups lookups;
  private final GroupStore groups;
  private final UserDirectory users;

  public AdminRemoveUserFromGroup(Lookups lookups, GroupStore groups, UserDirectory users) {
    this.lookups = lookups;
    this.groups = groups;
    this.users = users;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String groupName = in.string("GroupName");
    GroupView.require(groups, pool.id(), groupName);
    User user = users.require(pool, in.string("Username"));
    groups.removeMember(pool.id(), groupName, user.sub());
    return Json.object();
  }
}
