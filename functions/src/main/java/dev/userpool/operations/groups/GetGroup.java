package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;

/** Cognito GetGroup. */
public final class GetGroup implements Operation {
  private final Lookups lookups;
  private final GroupStore groups;

  public GetGroup(Lookups lookups, GroupStore groups) {
    this.lookups = lookups;
    this.groups = groups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    return GroupView.wrapped(GroupView.require(groups, pool.id(), in.string("GroupName")));
  }
}
