package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;

/** Cognito DeleteGroup: removes the group and every membership in it. */
public final class DeleteGroup implements Operation {
  private final Lookups lookups;
  private final GroupStore groups;

  public DeleteGroup(Lookups lookups, GroupStore groups) {
    this.lookups = lookups;
    this.groups = groups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    groups.delete(GroupView.require(groups, pool.id(), in.string("GroupName")));
    return Json.object();
  }
}
