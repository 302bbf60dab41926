package dev.userpool.operations.auth;

import dev.userpool.authflows.UserAccounts;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.users.AttributeRules;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.store.UniqueKeyTakenException;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link UserAccounts} over the user directory, as the sign-in flows see users. */
public final class DirectoryAccounts implements UserAccounts {
  private final UserDirectory directory;

  public DirectoryAccounts(UserDirectory directory) {
    this.directory = directory;
  }

  /**
   * The username or an alias the pool signs in with; unlike admin lookups, not the sub (unless it
   * is the username).
   */
  @Override
  public Optional<User> findForSignIn(UserPool pool, String name) {
    return directory
        .find(pool, name)
        .filter(u -> !name.equals(u.sub()) || name.equals(u.username()));
  }

  @Override
  public Optional<User> findBySub(UserPool pool, String sub) {
    return directory.store().findBySub(pool.id(), sub);
  }

  @Override
  public User update(UserPool pool, User user, UnaryOperator<User> change) {
    try {
      return directory.update(pool, user, change);
    } catch (UniqueKeyTakenException e) {
      throw UserDirectory.aliasTaken(e);
    }
  }

  @Override
  public void checkAttributeUpdate(UserPool pool, User user, Map<String, String> attributes) {
    AttributeRules.of(pool).checkUpdate(user, attributes);
  }
}
