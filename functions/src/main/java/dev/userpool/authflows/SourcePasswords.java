package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;

/**
 * The pool a user was imported from, asked once whether a password is the user's: imported users
 * have no SRP verifier (Cognito never hands out password hashes) until their first sign-in with a
 * password proves it there. See {@link ImportedUserPasswords}.
 */
public interface SourcePasswords {
  SourcePasswords NONE = (pool, user, password) -> false;

  /**
   * True when the source pool accepts {@code password} for {@code user}; false when it refuses it.
   */
  boolean accepts(UserPool pool, User user, String password);
}
