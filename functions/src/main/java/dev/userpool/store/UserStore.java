package dev.userpool.store;

import dev.userpool.domain.Page;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import java.util.Optional;
import java.util.Set;

/**
 * Users of a pool, identified by sub, and the unique keys they claim (username, and
 * email/phone/preferred_username where the pool makes them unique). Claims and the user are written
 * in one atomic batch, so two users can never hold the same key and a rejected write changes
 * nothing.
 */
public interface UserStore {
  /**
   * Stores a new user and returns it as stored (version 1, marked {@link
   * UserGroupsSource#IN_NO_GROUP}: a new sub has no memberships), so callers need not read it back.
   * Throws {@link UniqueKeyTakenException} naming the first key another user holds.
   */
  User create(User user, Set<UniqueKey> keys);

  Optional<User> findBySub(String poolId, String sub);

  Optional<User> findByKey(String poolId, UniqueKey key);

  /**
   * Replaces {@code before} with {@code after} if the stored version still equals {@code
   * before.version()}, moving key claims from {@code keysBefore} to {@code keysAfter}. Throws
   * {@link StaleWriteException} when someone else wrote first and {@link UniqueKeyTakenException}
   * when a new key is held by another user.
   */
  User update(User before, Set<UniqueKey> keysBefore, User after, Set<UniqueKey> keysAfter);

  /**
   * Removes the user and its key claims atomically (StaleWriteException if it changed since read),
   * then its group memberships.
   */
  void delete(User user, Set<UniqueKey> keys);

  /** Users of a pool in a stable order; the token continues a listing. */
  Page<User> list(String poolId, int limit, String nextToken);

  /** Count of users (DescribeUserPool's EstimatedNumberOfUsers). */
  long count(String poolId);
}
