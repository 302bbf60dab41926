package dev.userpool.operations.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.Group;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.GroupStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UserGroupsSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cognito AdminAddUserToGroup: idempotent (adding a member again succeeds); a user may belong to at
 * most {@link #MAX_GROUPS_PER_USER} groups (sources §9.2). The group is checked before the user, as
 * moto does (Cognito's order when both are missing is unconfirmed).
 */
public final class AdminAddUserToGroup implements Operation {
  /** Groups per user (sources §9.2). */
  public static final int MAX_GROUPS_PER_USER = 100;

  /**
   * Every add rewrites its group (see GroupStore#addMember), so concurrent adds to one group (a
   * PostConfirmation trigger adding each new user to "users") conflict often: more attempts than
   * {@code Retries} gives.
   */
  private static final int MAX_ATTEMPTS = 64;

  private final Lookups lookups;
  private final GroupStore groups;
  private final UserDirectory users;

  public AdminAddUserToGroup(Lookups lookups, GroupStore groups, UserDirectory users) {
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
    List<String> current =
        groups.groupNamesOf(pool.id(), user.sub(), MAX_GROUPS_PER_USER, null).items();
    if (current.contains(groupName)) {
      return Json.object();
    }
    if (current.size() >= MAX_GROUPS_PER_USER) {
      // Wording is ours (unconfirmed).
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "The user has reached its limit of " + MAX_GROUPS_PER_USER + " groups.");
    }
    if (UserGroupsSource.inNoGroup(user)) {
      // Unmark first: a membership must never exist while sign-in may skip reading memberships.
      users.update(
          pool,
          user,
          u -> {
            Map<String, Object> ext = new LinkedHashMap<>(u.extensions());
            ext.remove(UserGroupsSource.IN_NO_GROUP);
            return u.withExtensions(ext, u.lastModifiedDate());
          });
    }
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Group group =
          GroupView.require(groups, pool.id(), groupName); // re-read: the write checks its version
      try {
        groups.addMember(group, user.sub());
        return Json.object();
      } catch (StaleWriteException stale) {
        Thread.onSpinWait();
      }
    }
    throw ErrorCode.CONCURRENT_MODIFICATION.exception();
  }
}
