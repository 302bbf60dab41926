package dev.userpool.domain;

import java.time.Instant;

/**
 * The server side of one challenge {@code Session} string: which pool, client and user (by sub) it
 * was issued to, for which challenge, and until when. The Session string itself is never stored,
 * only its SHA-256 ({@code id}). {@code used} turns true when a RespondToAuthChallenge consumed it
 * (a session answers once); an MFA challenge answered with a wrong code is reopened with {@code
 * failedAttempts} counted, so the same Session may try again. {@code state} is what the flow that
 * opened the session must find again when it is answered (the rounds of a custom authentication,
 * sealed by it; the device a DEVICE_SRP_AUTH answers for), null when the challenge needs nothing
 * besides the user. {@code sub} is null for a sign-in that names nobody but must not say so
 * (PreventUserExistenceErrors).
 */
public record ChallengeSession(
    String poolId,
    String id,
    String clientId,
    String sub,
    String challengeName,
    Instant createdAt,
    Instant expiresAt,
    boolean used,
    int failedAttempts,
    String state) {

  public ChallengeSession(
      String poolId,
      String id,
      String clientId,
      String sub,
      String challengeName,
      Instant createdAt,
      Instant expiresAt,
      boolean used) {
    this(poolId, id, clientId, sub, challengeName, createdAt, expiresAt, used, 0, null);
  }

  public ChallengeSession(
      String poolId,
      String id,
      String clientId,
      String sub,
      String challengeName,
      Instant createdAt,
      Instant expiresAt,
      boolean used,
      int failedAttempts) {
    this(
        poolId, id, clientId, sub, challengeName, createdAt, expiresAt, used, failedAttempts, null);
  }

  public ChallengeSession(
      String poolId,
      String id,
      String clientId,
      String sub,
      String challengeName,
      Instant createdAt,
      Instant expiresAt,
      boolean used,
      String state) {
    this(poolId, id, clientId, sub, challengeName, createdAt, expiresAt, used, 0, state);
  }

  public ChallengeSession markUsed() {
    return new ChallengeSession(
        poolId,
        id,
        clientId,
        sub,
        challengeName,
        createdAt,
        expiresAt,
        true,
        failedAttempts,
        state);
  }

  /** Unused again, with one more failed attempt counted. */
  public ChallengeSession reopenedAfterFailure() {
    return new ChallengeSession(
        poolId,
        id,
        clientId,
        sub,
        challengeName,
        createdAt,
        expiresAt,
        false,
        failedAttempts + 1,
        state);
  }

  @Override
  public String toString() {
    return "ChallengeSession[poolId="
        + poolId
        + ", challengeName="
        + challengeName
        + ", used="
        + used
        + "]";
  }
}
