package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import java.util.List;

/**
 * The group claims of a user at the moment tokens are issued (at sign-in and again on every refresh):
 * {@code cognito:groups} in precedence order, and the IAM roles for {@code cognito:roles} /
 * {@code cognito:preferred_role}. {@link #NONE} (no groups) is used until groups exist.
 */
@FunctionalInterface
public interface UserGroupsSource {
  UserGroupsSource NONE = (pool, user) -> GroupClaims.NONE;

  GroupClaims groupsOf(UserPool pool, User user);

  /** Group names in precedence order; roles and preferred role only when the groups have IAM roles. */
  record GroupClaims(List<String> groups, List<String> roles, String preferredRole) {
    public static final GroupClaims NONE = new GroupClaims(List.of(), List.of(), null);

    public GroupClaims {
      groups = groups == null ? List.of() : List.copyOf(groups);
      roles = roles == null ? List.of() : List.copyOf(roles);
    }
  }
}
