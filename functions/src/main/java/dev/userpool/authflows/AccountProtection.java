package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-in lockout (sources §8.2) and the user-state checks every password-based flow makes.
 * After 5 failures the user is locked for 1 s, each further failure doubling the lock up to 15
 * minutes (2^(n−5) s); attempts while locked answer "Password attempts exceeded" without extending
 * it; 15 minutes without a failure reset the count. The state lives in {@code
 * User.extensions()["signInFailures"]} = {count, lastFailureAt, lockedUntil} (epoch ms) and is
 * written through {@link UserAccounts#update}, so concurrent failures are all counted. Wrong MFA
 * codes are counted the same way under {@code "mfaFailures"} (DG: "After five unsuccessful attempts
 * to present an MFA code, Amazon Cognito begins the exponential-timeout lockout process"); a
 * correct password does not clear that count, only an accepted MFA code does, so new sign-ins
 * cannot reset it.
 */
public final class AccountProtection {
  static final String KEY = "signInFailures";
  static final String MFA_KEY = "mfaFailures";
  static final int FREE_ATTEMPTS = 5;
  static final Duration MAX_LOCK = Duration.ofMinutes(15);
  static final Duration RESET_AFTER = Duration.ofMinutes(15);

  private final UserAccounts users;
  private final int freeAttempts;

  public AccountProtection(UserAccounts users) {
    this(users, FREE_ATTEMPTS);
  }

  /**
   * {@code freeAttempts}: wrong passwords before the lock starts; 0 = never locked (a deployment
   * setting).
   */
  public AccountProtection(UserAccounts users, int freeAttempts) {
    this.users = users;
    this.freeAttempts = freeAttempts;
  }

  /** The answer for a sign-in name that matches nobody (sources §8.3). */
  public static CognitoException unknownUser(SignInContext ctx) {
    return ctx.settings().hidesUserExistence()
        ? ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password.")
        : ErrorCode.USER_NOT_FOUND.exception("User does not exist.");
  }

  /**
   * Checks made before the password: RESET_REQUIRED (PasswordResetRequiredException, or
   * NotAuthorizedException when the client hides user existence, sources §8.3), disabled ("User is
   * disabled."), locked.
   */
  public void beforePassword(SignInContext ctx, User user) {
    if (user.status() == UserStatus.RESET_REQUIRED) {
      throw ctx.settings().hidesUserExistence()
          ? ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password.")
          : ErrorCode.PASSWORD_RESET_REQUIRED.exception("Password reset required for the user");
    }
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    if (isLocked(user, ctx.now())) {
      throw ErrorCode.NOT_AUTHORIZED.exception("Password attempts exceeded");
    }
  }

  /**
   * Counts a wrong password and returns the answer to throw ("Incorrect username or password.").
   */
  public CognitoException wrongPassword(SignInContext ctx, User user) {
    Instant now = ctx.now();
    users.update(
        ctx.pool(),
        user,
        u -> u.withExtensions(failed(u, now, KEY, freeAttempts), u.lastModifiedDate()));
    return ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password.");
  }

  /** Checks made before an MFA code is judged: the user is not locked. */
  public void beforeSecondFactor(SignInContext ctx, User user) {
    if (isLocked(user, ctx.now())) {
      throw ErrorCode.NOT_AUTHORIZED.exception("Password attempts exceeded");
    }
  }

  /** Counts a wrong MFA code. */
  public void wrongSecondFactor(SignInContext ctx, User user) {
    Instant now = ctx.now();
    users.update(
        ctx.pool(),
        user,
        u -> u.withExtensions(failed(u, now, MFA_KEY, freeAttempts), u.lastModifiedDate()));
  }

  /**
   * Clears the MFA failure count after an accepted code; no write when there is nothing to clear.
   */
  public User secondFactorAccepted(SignInContext ctx, User user) {
    if (!user.extensions().containsKey(MFA_KEY)) {
      return user;
    }
    return users.update(
        ctx.pool(),
        user,
        u -> {
          Map<String, Object> ext = new LinkedHashMap<>(u.extensions());
          ext.remove(MFA_KEY);
          return u.withExtensions(ext, u.lastModifiedDate());
        });
  }

  /** Clears the failure count after a correct password; no write when there is nothing to clear. */
  public User passwordAccepted(SignInContext ctx, User user) {
    if (!user.extensions().containsKey(KEY)) {
      return user;
    }
    return users.update(
        ctx.pool(),
        user,
        u -> {
          Map<String, Object> ext = new LinkedHashMap<>(u.extensions());
          ext.remove(KEY);
          return u.withExtensions(ext, u.lastModifiedDate());
        });
  }

  static boolean isLocked(User user, Instant now) {
    for (String key : new String[] {KEY, MFA_KEY}) {
      Map<?, ?> state = state(user, key);
      if (state != null && now.toEpochMilli() < number(state, "lockedUntil")) {
        return true;
      }
    }
    return false;
  }

  static Map<String, Object> failed(User user, Instant now) {
    return failed(user, now, KEY, FREE_ATTEMPTS);
  }

  private static Map<String, Object> failed(User user, Instant now, String key, int freeAttempts) {
    Map<?, ?> state = state(user, key);
    long count = 0;
    long lockedUntil = 0;
    if (state != null
        && now.toEpochMilli() - number(state, "lastFailureAt") < RESET_AFTER.toMillis()) {
      count = number(state, "count");
      lockedUntil = number(state, "lockedUntil");
    }
    if (now.toEpochMilli() >= lockedUntil) { // failures during a lock neither count nor extend it
      count++;
      if (freeAttempts > 0 && count >= freeAttempts) {
        long seconds = 1L << Math.min(count - freeAttempts, 20);
        lockedUntil = now.toEpochMilli() + Math.min(seconds * 1000, MAX_LOCK.toMillis());
      }
    }
    Map<String, Object> next = new LinkedHashMap<>();
    next.put("count", count);
    next.put("lastFailureAt", now.toEpochMilli());
    next.put("lockedUntil", lockedUntil);
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    ext.put(key, next);
    return ext;
  }

  private static Map<?, ?> state(User user, String key) {
    return user.extensions().get(key) instanceof Map<?, ?> m ? m : null;
  }

  private static long number(Map<?, ?> state, String key) {
    return state.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
