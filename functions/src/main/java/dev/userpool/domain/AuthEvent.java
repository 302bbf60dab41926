package dev.userpool.domain;

import java.time.Instant;
import java.util.List;

/**
 * One threat-protection auth event of a user (Cognito's AuthEventType): what happened (SignIn,
 * SignUp, ForgotPassword, PasswordChange, ResendCode), its outcome (Pass, Fail, InProgress), the
 * risk decision, the challenges answered, where it came from, and the feedback given on it. Only
 * the SHA-256 of the event's feedback token is kept ({@code feedbackTokenHash}); {@code
 * feedbackValue}, {@code feedbackProvider} and {@code feedbackDate} are null until feedback is
 * given.
 */
public record AuthEvent(
    String poolId,
    String sub,
    String eventId,
    String eventType,
    Instant createdAt,
    String response,
    String riskDecision,
    String riskLevel,
    List<Challenge> challenges,
    String ipAddress,
    String deviceName,
    String feedbackTokenHash,
    String feedbackValue,
    String feedbackProvider,
    Instant feedbackDate,
    long version) {

  /**
   * ChallengeResponseType: {@code Password} or {@code Mfa}, and {@code Success} or {@code Failure}.
   */
  public record Challenge(String name, String response) {}

  public AuthEvent {
    challenges = challenges == null ? List.of() : List.copyOf(challenges);
  }

  /** The same event after one more challenge answer, with the outcome so far. */
  public AuthEvent withChallenge(Challenge challenge, String newResponse) {
    List<Challenge> more = new java.util.ArrayList<>(challenges);
    more.add(challenge);
    return new AuthEvent(
        poolId,
        sub,
        eventId,
        eventType,
        createdAt,
        newResponse,
        riskDecision,
        riskLevel,
        more,
        ipAddress,
        deviceName,
        feedbackTokenHash,
        feedbackValue,
        feedbackProvider,
        feedbackDate,
        version);
  }

  /** The same event with the feedback given by {@code provider} at {@code at}. */
  public AuthEvent withFeedback(String value, String provider, Instant at) {
    return new AuthEvent(
        poolId,
        sub,
        eventId,
        eventType,
        createdAt,
        response,
        riskDecision,
        riskLevel,
        challenges,
        ipAddress,
        deviceName,
        feedbackTokenHash,
        value,
        provider,
        at,
        version);
  }
}
