package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.Group;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;

/**
 * Cognito CreateGroup: a new group with optional Description, RoleArn and Precedence (the model
 * checks Precedence ≥ 0 and the RoleArn pattern). At most {@link #MAX_GROUPS_PER_POOL} groups per
 * pool (sources §9.2). The limit is checked by counting before the write, so two concurrent
 * creations at the limit may both succeed.
 */
public final class CreateGroup implements Operation {
  /** Groups per user pool (sources §9.2). */
  public static final int MAX_GROUPS_PER_POOL = 10_000;

  private final Lookups lookups;
  private final GroupStore groups;
  private final int maxGroups;

  public CreateGroup(Lookups lookups, GroupStore groups) {
    this(lookups, groups, MAX_GROUPS_PER_POOL);
  }

  CreateGroup(Lookups lookups, GroupStore groups, int maxGroups) {
    this.lookups = lookups;
    this.groups = groups;
    this.maxGroups = maxGroups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    Group group =
        new Group(
            pool.id(),
            in.string("GroupName"),
            in.optString("Description").orElse(null),
            in.optString("RoleArn").orElse(null),
            in.optInt("Precedence").orElse(null),
            ctx.now(),
            ctx.now(),
            0);
    if (groups.find(pool.id(), group.name()).isPresent()) {
      throw groupExists();
    }
    if (groups.count(pool.id(), maxGroups) >= maxGroups) {
      // Wording is ours (unconfirmed); the exception type is documented for CreateGroup.
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "The user pool has reached its limit of " + maxGroups + " groups.");
    }
    if (!groups.create(group)) {
      throw groupExists();
    }
    return GroupView.wrapped(group);
  }

  /**
   * GroupExistsException "A group with the name already exists." — the text amplify-backend#1781
   * shows from Cognito; whether it ends with a period is (unconfirmed) (moto omits it).
   */
  private static RuntimeException groupExists() {
    return ErrorCode.GROUP_EXISTS.exception("A group with the name already exists.");
  }
}
