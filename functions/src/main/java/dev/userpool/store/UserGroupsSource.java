package dev.userpool.store;

import dev.userpool.domain.Group;
import java.util.List;

/**
 * The groups a user belongs to, as token issuance needs them (at sign-in and again on every refresh). {@link
 * GroupStore} is the real source; {@link #NONE} (no groups) is what sign-in uses when no store is wired.
 */
@FunctionalInterface
public interface UserGroupsSource {
  UserGroupsSource NONE = (poolId, sub) -> List.of();

  /**
   * The user's groups in {@code cognito:groups} order ({@link Group#PRECEDENCE_ORDER}); empty for a user in no
   * group (or one that does not exist).
   */
  List<Group> groupsOf(String poolId, String sub);
}
