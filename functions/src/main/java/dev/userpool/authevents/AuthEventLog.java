package dev.userpool.authevents;

import dev.userpool.domain.AuthEvent;
import dev.userpool.domain.Page;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.AuthEventStore;
import dev.userpool.store.StaleWriteException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes and reads a user's auth events. Nothing is recorded unless the pool's threat protection is
 * AUDIT or ENFORCED ({@link ThreatProtection#recordsEvents}).
 */
public final class AuthEventLog {
  public static final String SIGN_IN = "SignIn";
  public static final String SIGN_UP = "SignUp";
  public static final String FORGOT_PASSWORD = "ForgotPassword";
  public static final String PASSWORD_CHANGE = "PasswordChange";
  public static final String RESEND_CODE = "ResendCode";
  public static final String PASS = "Pass";
  public static final String FAIL = "Fail";
  public static final String IN_PROGRESS = "InProgress";
  public static final String NO_RISK = "NoRisk";
  public static final String BLOCK = "Block";

  /**
   * How long events are kept (the table's TTL). Cognito's retention is not documented where we
   * looked; 90 days is our choice (docs/fidelity.md).
   */
  public static final Duration RETENTION = Duration.ofDays(90);

  /**
   * A sign-in in progress older than the longest challenge Session (AuthSessionValidity, at most 15
   * minutes) cannot be continued: an answer then belongs to a sign-in that left no event (a
   * passwordless first factor).
   */
  private static final Duration SIGN_IN_SESSION = Duration.ofMinutes(15);

  /** How many of a user's newest events are looked at for the sign-in an MFA answer continues. */
  private static final int SIGN_IN_LOOKBACK = 5;

  private final AuthEventStore store;
  private final FeedbackTokens feedbackTokens;

  public AuthEventLog(AuthEventStore store, SecureRandom random) {
    this.store = store;
    this.feedbackTokens = new FeedbackTokens(random);
  }

  /** What a recorded event gives back: its id and the feedback token, which is not stored. */
  public record Recorded(String eventId, String feedbackToken) {}

  /**
   * Records a new event of the user if the pool records events; {@code ipAddress} and {@code
   * deviceName} may be null.
   */
  public Optional<Recorded> record(
      UserPool pool,
      String sub,
      String eventType,
      String response,
      String riskDecision,
      List<AuthEvent.Challenge> challenges,
      String ipAddress,
      String deviceName,
      Instant now) {
    if (!ThreatProtection.recordsEvents(pool) || sub == null) {
      return Optional.empty();
    }
    String token = feedbackTokens.issue();
    String eventId = UUID.randomUUID().toString();
    store.create(
        new AuthEvent(
            pool.id(),
            sub,
            eventId,
            eventType,
            now,
            response,
            riskDecision,
            null,
            challenges,
            ipAddress,
            deviceName,
            FeedbackTokens.hash(token),
            null,
            null,
            null,
            0));
    return Optional.of(new Recorded(eventId, token));
  }

  /**
   * Adds a challenge answer to the user's newest sign-in still in progress and younger than a
   * challenge Session (the one an MFA answer continues), with the outcome so far; nothing if there
   * is none.
   */
  public void continueSignIn(
      UserPool pool, String sub, AuthEvent.Challenge challenge, String response, Instant now) {
    if (!ThreatProtection.recordsEvents(pool) || sub == null) {
      return;
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<AuthEvent> inProgress =
          store.listOf(pool.id(), sub, SIGN_IN_LOOKBACK, null).items().stream()
              .filter(e -> SIGN_IN.equals(e.eventType()) && IN_PROGRESS.equals(e.response()))
              .filter(e -> e.createdAt().isAfter(now.minus(SIGN_IN_SESSION)))
              .findFirst();
      if (inProgress.isEmpty()) {
        return;
      }
      try {
        store.update(inProgress.get(), inProgress.get().withChallenge(challenge, response));
        return;
      } catch (StaleWriteException e) {
        // another answer of the same sign-in won; read again
      }
    }
  }

  public Page<AuthEvent> list(UserPool pool, String sub, int limit, String nextToken) {
    return store.listOf(pool.id(), sub, limit, nextToken);
  }

  /**
   * Sets the feedback on one event. {@code feedbackToken} null means an administrator gives it
   * (AdminUpdateAuthEventFeedback); otherwise it must be the event's token.
   */
  public void giveFeedback(
      UserPool pool,
      String sub,
      String eventId,
      String feedbackToken,
      String value,
      String provider,
      Instant now) {
    for (int attempt = 0; ; attempt++) {
      AuthEvent event =
          store
              .find(pool.id(), sub, eventId)
              .orElseThrow(
                  // Cognito's text unconfirmed (docs/fidelity.md)
                  () -> ErrorCode.RESOURCE_NOT_FOUND.exception("Auth event not found."));
      if (feedbackToken != null
          && !FeedbackTokens.matches(feedbackToken, event.feedbackTokenHash())) {
        // Cognito's text unconfirmed (docs/fidelity.md)
        throw ErrorCode.NOT_AUTHORIZED.exception("Invalid feedback token.");
      }
      try {
        store.update(event, event.withFeedback(value, provider, now));
        return;
      } catch (StaleWriteException e) {
        if (attempt == 2) {
          throw ErrorCode.CONCURRENT_MODIFICATION.exception();
        }
      }
    }
  }
}
