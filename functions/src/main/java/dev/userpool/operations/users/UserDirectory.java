package dev.userpool.operations.users;

import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.domain.VerifiedFlag;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UniqueKeyTakenException;
import dev.userpool.store.UserStore;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * A pool's users as Cognito's admin API addresses them: finds a user by username, alias or sub per
 * the pool's settings, computes the unique keys a user claims, and runs read-modify-write updates
 * with retries.
 */
public final class UserDirectory {
  /** Attempts of one read-modify-write before ConcurrentModificationException. */
  static final int MAX_ATTEMPTS = 64;

  private final UserStore users;

  public UserDirectory(UserStore users) {
    this.users = users;
  }

  public UserStore store() {
    return users;
  }

  /**
   * The user {@code name} designates: the username (case-folded in case-insensitive pools), an
   * alias or username attribute (email, phone_number, preferred_username) the user holds as a
   * unique key, or the sub (AdminGetUser's Username "can be any of their alias attributes … or the
   * sub of a local user", API reference).
   */
  public Optional<User> find(UserPool pool, String name) {
    PoolSettings s = pool.view();
    Optional<User> byName =
        users.findByKey(pool.id(), new UniqueKey(UniqueKey.Kind.USERNAME, fold(s, name)));
    if (byName.isPresent()) {
      return byName;
    }
    for (UniqueKey key : aliasCandidates(s, name)) {
      Optional<User> found = users.findByKey(pool.id(), key);
      if (found.isPresent()) {
        return found;
      }
    }
    return users.findBySub(pool.id(), name);
  }

  /** UserNotFoundException "User does not exist." when nobody matches. */
  public User require(UserPool pool, String name) {
    return find(pool, name)
        .orElseThrow(() -> ErrorCode.USER_NOT_FOUND.exception("User does not exist."));
  }

  /**
   * The unique keys {@code user} claims in {@code pool}: always its username, and for a federated
   * user (EXTERNAL_PROVIDER) nothing else; in pools with UsernameAttributes every
   * email/phone_number it has (these sign it in); in alias pools a verified email/phone_number and
   * any preferred_username.
   */
  public static Set<UniqueKey> keys(UserPool pool, User user) {
    PoolSettings s = pool.view();
    Set<UniqueKey> keys = new LinkedHashSet<>();
    keys.add(new UniqueKey(UniqueKey.Kind.USERNAME, fold(s, user.username())));
    if (user.status() == UserStatus.EXTERNAL_PROVIDER) {
      // federated users sign in only through their provider: their email or phone is nobody's
      // sign-in name, and Cognito lets them share it with a native user (hence account linking)
      return keys;
    }
    for (String a : s.usernameAttributes()) {
      String value = user.attribute(a);
      if (value != null && !value.isEmpty() && kind(a) != null) {
        keys.add(new UniqueKey(kind(a), fold(s, value)));
      }
    }
    for (String a : s.aliasAttributes()) {
      String value = user.attribute(a);
      UniqueKey.Kind kind = kind(a);
      if (value == null || value.isEmpty() || kind == null) {
        continue;
      }
      boolean claims =
          kind == UniqueKey.Kind.PREFERRED_USERNAME
              || VerifiedFlag.isTrue(user.attribute(a + "_verified"));
      if (claims) {
        keys.add(new UniqueKey(kind, fold(s, value)));
      }
    }
    return keys;
  }

  /**
   * Re-reads the user by sub and applies {@code change} until the version-checked write succeeds,
   * so concurrent updates are never lost. {@code change} may throw to reject the update; it must
   * have no side effects because it can run several times. UniqueKeyTakenException is left to the
   * caller, who knows which error it means.
   */
  public User update(UserPool pool, User current, UnaryOperator<User> change) {
    User before = current;
    for (int attempt = 1; ; attempt++) {
      User after = change.apply(before);
      try {
        return users.update(before, keys(pool, before), after, keys(pool, after));
      } catch (StaleWriteException stale) {
        if (attempt >= MAX_ATTEMPTS) {
          throw ErrorCode.CONCURRENT_MODIFICATION.exception();
        }
        backOff(attempt);
        before =
            users
                .findBySub(pool.id(), current.sub())
                .orElseThrow(() -> ErrorCode.USER_NOT_FOUND.exception("User does not exist."));
      }
    }
  }

  /** Deletes the user and its key claims, re-reading if it changed meanwhile. */
  public void delete(UserPool pool, User current) {
    User user = current;
    for (int attempt = 1; ; attempt++) {
      try {
        users.delete(user, keys(pool, user));
        return;
      } catch (StaleWriteException stale) {
        if (attempt >= MAX_ATTEMPTS) {
          throw ErrorCode.CONCURRENT_MODIFICATION.exception();
        }
        backOff(attempt);
        Optional<User> again = users.findBySub(pool.id(), current.sub());
        if (again.isEmpty()) {
          return; // someone else deleted it: the outcome the caller asked for
        }
        user = again.get();
      }
    }
  }

  /**
   * AliasExistsException (and friends, see {@link #aliasTaken}) when {@code after} would claim a
   * unique key that {@code before} does not hold and another user does: checked before a code is
   * used up, so a refused verification leaves the code usable.
   */
  public static void requireKeysFree(
      UserDirectory directory, UserPool pool, User before, User after) {
    Set<UniqueKey> held = keys(pool, before);
    for (UniqueKey key : keys(pool, after)) {
      if (!held.contains(key)
          && directory
              .users
              .findByKey(pool.id(), key)
              .filter(other -> !other.sub().equals(after.sub()))
              .isPresent()) {
        throw aliasTaken(new UniqueKeyTakenException(key));
      }
    }
  }

  /** The error Cognito answers when an alias or username attribute is held by someone else. */
  public static RuntimeException aliasTaken(UniqueKeyTakenException e) {
    return switch (e.key().kind()) {
      case USERNAME -> ErrorCode.USERNAME_EXISTS.exception("User account already exists");
      case EMAIL -> ErrorCode.ALIAS_EXISTS.exception("An account with the email already exists.");
      // Analogues of the observed email text (unconfirmed, docs/fidelity.md).
      case PHONE_NUMBER ->
          ErrorCode.ALIAS_EXISTS.exception("An account with the phone_number already exists.");
      case PREFERRED_USERNAME ->
          ErrorCode.ALIAS_EXISTS.exception(
              "An account with the preferred_username already exists.");
    };
  }

  /**
   * The username as a unique key compares it: lower-cased (Locale.ROOT) when the pool ignores case.
   */
  static String fold(PoolSettings s, String value) {
    return s.usernameCaseSensitive() ? value : value.toLowerCase(Locale.ROOT);
  }

  static UniqueKey.Kind kind(String attribute) {
    return switch (attribute) {
      case "email" -> UniqueKey.Kind.EMAIL;
      case "phone_number" -> UniqueKey.Kind.PHONE_NUMBER;
      case "preferred_username" -> UniqueKey.Kind.PREFERRED_USERNAME;
      default -> null;
    };
  }

  private static Set<UniqueKey> aliasCandidates(PoolSettings s, String name) {
    Set<UniqueKey> keys = new LinkedHashSet<>();
    for (String a : s.usernameAttributes()) {
      if (kind(a) != null) {
        keys.add(new UniqueKey(kind(a), fold(s, name)));
      }
    }
    for (String a : s.aliasAttributes()) {
      if (kind(a) != null) {
        keys.add(new UniqueKey(kind(a), fold(s, name)));
      }
    }
    return keys;
  }

  private static void backOff(int attempt) {
    long maxMicros = Math.min(2_000, 50L << Math.min(attempt, 6));
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxMicros) * 1_000);
  }
}
