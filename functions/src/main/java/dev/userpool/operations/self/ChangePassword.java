package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.config.Limits;
import dev.userpool.crypto.PasswordPolicyCheck;
import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.PasswordVerifier;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito ChangePassword: the signed-in user replaces its password. PreviousPassword is checked
 * against the stored SRP verifier ("Incorrect username or password."; it may be omitted only by a
 * user without a password); the new one must satisfy the pool's policy (InvalidPasswordException)
 * and replaces the verifier. After 5 wrong previous passwords within an hour further attempts get
 * LimitExceededException until the hour is over (sources §4.2: 5 per user per hour; counting only
 * failures is our reading). The state lives in {@code User.extensions()["changePasswordFailures"]}
 * = {count, since} (epoch ms).
 */
public final class ChangePassword implements Operation {
  static final String KEY = "changePasswordFailures";
  static final int LIMIT = 5;
  static final Duration WINDOW = Duration.ofHours(1);

  private final AccessTokens tokens;
  private final UserDirectory directory;
  private final SecureRandom random;

  private final int attemptsPerHour;
  private final AuthEventLog events;

  /**
   * {@code attemptsPerHour}: wrong previous passwords allowed per hour ({@code Limits}; 0 =
   * unlimited).
   */
  public ChangePassword(
      AccessTokens tokens,
      UserDirectory directory,
      SecureRandom random,
      int attemptsPerHour,
      AuthEventLog events) {
    this.events = events;
    this.attemptsPerHour = attemptsPerHour;
    this.tokens = tokens;
    this.directory = directory;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    UserPool pool = who.pool();
    User user = who.user();
    Instant now = ctx.now();
    if (Limits.reached((int) Math.min(failures(user, now), Integer.MAX_VALUE), attemptsPerHour)) {
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "Attempt limit exceeded, please try after some time.");
    }
    Optional<String> previous = in.optString("PreviousPassword");
    boolean hasPassword = user.password() != null;
    if ((hasPassword || previous.isPresent())
        && !Srp6a.matches(
            user.password(), pool.srpPoolName(), user.username(), previous.orElse(null))) {
      directory.update(pool, user, u -> u.withExtensions(failed(u, now), u.lastModifiedDate()));
      record(pool, user, AuthEventLog.FAIL, ctx);
      throw ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password.");
    }
    String proposed = in.string("ProposedPassword");
    PasswordPolicyCheck.check(pool.view().passwordPolicy(), proposed);
    PasswordVerifier verifier =
        Srp6a.createVerifier(pool.srpPoolName(), user.username(), proposed, random, now, null);
    directory.update(
        pool,
        user,
        u -> {
          Map<String, Object> ext = new LinkedHashMap<>(u.extensions());
          ext.remove(KEY);
          return u.withExtensions(ext, now).withPassword(verifier, u.status(), now);
        });
    record(pool, user, AuthEventLog.PASS, ctx);
    return Json.object();
  }

  /** A PasswordChange auth event (threat protection; nothing when it is off). */
  private void record(UserPool pool, User user, String response, OperationContext ctx) {
    events.record(
        pool,
        user.sub(),
        AuthEventLog.PASSWORD_CHANGE,
        response,
        AuthEventLog.NO_RISK,
        java.util.List.of(),
        ctx.sourceIp(),
        null,
        ctx.now());
  }

  static long failures(User user, Instant now) {
    Map<?, ?> state = user.extensions().get(KEY) instanceof Map<?, ?> m ? m : null;
    if (state == null || now.toEpochMilli() - number(state, "since") >= WINDOW.toMillis()) {
      return 0;
    }
    return number(state, "count");
  }

  static Map<String, Object> failed(User user, Instant now) {
    long count = failures(user, now);
    Map<?, ?> state = user.extensions().get(KEY) instanceof Map<?, ?> m ? m : null;
    long since = count == 0 || state == null ? now.toEpochMilli() : number(state, "since");
    Map<String, Object> next = new LinkedHashMap<>();
    next.put("count", count + 1);
    next.put("since", since);
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    ext.put(KEY, next);
    return ext;
  }

  private static long number(Map<?, ?> state, String key) {
    return state.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
