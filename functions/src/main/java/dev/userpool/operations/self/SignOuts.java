package dev.userpool.operations.self;

import dev.userpool.authflows.GlobalSignOutState;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.users.UserDirectory;
import java.time.Clock;
import java.time.Instant;

/**
 * A global sign-out (GlobalSignOut, AdminUserGlobalSignOut): revokes every token the user was
 * issued up to the current second (see {@link GlobalSignOutState}), then waits until that second is
 * over, so that tokens from a sign-in after the answer are never caught by it (at most one second;
 * a sign-in racing with the sign-out may be).
 */
public final class SignOuts {
  private final UserDirectory directory;
  private final Clock clock;

  public SignOuts(UserDirectory directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  public void signOut(UserPool pool, User user, Instant now) {
    directory.update(
        pool,
        user,
        u -> u.withExtensions(GlobalSignOutState.signedOut(u, now), u.lastModifiedDate()));
    long remaining = Math.min(1000, (now.getEpochSecond() + 1) * 1000 - clock.millis());
    if (remaining > 0) {
      try {
        Thread.sleep(remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
