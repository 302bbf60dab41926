package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.Group;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;

/**
 * Cognito UpdateGroup: "updates any of the properties for precedence, IAM role, or description"
 * (API reference) — members absent from the request keep their values. Re-reads and retries when a
 * concurrent write (an update or a member being added, which also rewrites the group) got there
 * first.
 */
public final class UpdateGroup implements Operation {
  private final Lookups lookups;
  private final GroupStore groups;

  public UpdateGroup(Lookups lookups, GroupStore groups) {
    this.lookups = lookups;
    this.groups = groups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String name = in.string("GroupName");
    return GroupView.wrapped(
        Retries.onStaleWrite(
            () -> {
              Group before = GroupView.require(groups, pool.id(), name);
              Group after =
                  new Group(
                      pool.id(),
                      name,
                      in.optString("Description").orElse(before.description()),
                      in.optString("RoleArn").orElse(before.roleArn()),
                      in.optInt("Precedence").orElse(before.precedence()),
                      before.creationDate(),
                      ctx.now(),
                      before.version());
              return groups.update(before, after);
            }));
  }
}
