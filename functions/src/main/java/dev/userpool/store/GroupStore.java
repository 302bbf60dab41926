package dev.userpool.store;

import dev.userpool.domain.Group;
import dev.userpool.domain.Page;
import java.util.Optional;

/**
 * Groups of a pool by name, and memberships (group name, user sub) readable in both directions. A
 * membership is written together with a version-checked rewrite of its group, so no membership
 * survives the deletion of its group; memberships of a deleted user are removed with the user (see
 * ItemUserStore).
 */
public interface GroupStore extends UserGroupsSource {
  /**
   * Stores a new group; returns false (and writes nothing) when the pool already has a group of
   * that name.
   */
  boolean create(Group group);

  Optional<Group> find(String poolId, String name);

  /**
   * Replaces {@code before} with {@code after} if the stored version is still {@code
   * before.version()}.
   */
  Group update(Group before, Group after);

  /** Removes the group and then its memberships; a group already gone is not an error. */
  void delete(Group group);

  /** Groups of a pool in name order. */
  Page<Group> list(String poolId, int limit, String nextToken);

  /** The number of groups in the pool, counting no further than {@code atMost}. */
  int count(String poolId, int atMost);

  /**
   * Adds {@code sub} to {@code group} (adding twice is harmless). Throws {@link
   * StaleWriteException} when the group changed or disappeared since it was read.
   */
  void addMember(Group group, String sub);

  /**
   * Removes {@code sub} from the group named {@code groupName}; removing a non-member is harmless.
   */
  void removeMember(String poolId, String groupName, String sub);

  /** Subs of the group's members in sub order. */
  Page<String> members(String poolId, String groupName, int limit, String nextToken);

  /** Names of the groups {@code sub} belongs to, in name order. */
  Page<String> groupNamesOf(String poolId, String sub, int limit, String nextToken);
}
