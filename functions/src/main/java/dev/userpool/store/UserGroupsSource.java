package dev.userpool.store;

import dev.userpool.domain.Group;
import dev.userpool.domain.User;
import java.util.List;

/**
 * The groups a user belongs to, as token issuance needs them (at sign-in and again on every
 * refresh). {@link GroupStore} is the real source; {@link #NONE} (no groups) is what sign-in uses
 * when no store is wired.
 */
@FunctionalInterface
public interface UserGroupsSource {
  UserGroupsSource NONE = (poolId, sub) -> List.of();

  /**
   * A user extension meaning "this user has never been added to a group": set when the user is
   * created, removed (for good) before its first membership is written. Token issuance then skips
   * the membership query for most users. Users stored before the mark existed lack it and are
   * queried as before.
   */
  String IN_NO_GROUP = "inNoGroup";

  /** Whether {@code user} is marked as never added to a group. */
  static boolean inNoGroup(User user) {
    return Boolean.TRUE.equals(user.extensions().get(IN_NO_GROUP));
  }

  /** The groups of {@code user}; no read at all for a user marked {@link #IN_NO_GROUP}. */
  default List<Group> groupsOf(User user) {
    return inNoGroup(user) ? List.of() : groupsOf(user.userPoolId(), user.sub());
  }

  /**
   * The user's groups in {@code cognito:groups} order ({@link Group#PRECEDENCE_ORDER}); empty for a
   * user in no group (or one that does not exist).
   */
  List<Group> groupsOf(String poolId, String sub);
}
