package dev.userpool.store;

import dev.userpool.domain.Group;
import java.util.List;

/** The groups a user belongs to, as token issuance needs them. */
public interface UserGroupsSource {
  /**
   * The user's groups in {@code cognito:groups} order ({@link Group#PRECEDENCE_ORDER}); empty for a user in no
   * group (or one that does not exist).
   */
  List<Group> groupsOf(String poolId, String sub);
}
