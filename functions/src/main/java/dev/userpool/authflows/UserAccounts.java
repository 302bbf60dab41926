package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The users a sign-in reads and writes, in the terms the flows need. The operations layer
 * implements it over the user directory (username/alias lookup per pool settings, version-checked
 * updates with retries, attribute rules).
 */
public interface UserAccounts {
  /**
   * The user a sign-in name designates: the username, or an alias/username attribute the pool signs
   * in with.
   */
  Optional<User> findForSignIn(UserPool pool, String name);

  Optional<User> findBySub(UserPool pool, String sub);

  /**
   * Applies {@code change} to the freshest copy of the user until the version-checked write
   * succeeds; {@code change} must be free of side effects. Returns the stored user.
   */
  User update(UserPool pool, User user, UnaryOperator<User> change);

  /** Throws InvalidParameterException as UpdateUserAttributes would for these attribute values. */
  void checkAttributeUpdate(UserPool pool, User user, Map<String, String> attributes);
}
