package dev.userpool.domain;

import java.time.Instant;

/**
 * The server side of one challenge {@code Session} string: which pool, client and user (by sub) it was issued to,
 * for which challenge, and until when. The Session string itself is never stored, only its SHA-256 ({@code id}).
 * {@code used} turns true when a RespondToAuthChallenge consumed it (a session answers once); an MFA challenge
 * answered with a wrong code is reopened with {@code failedAttempts} counted, so the same Session may try again.
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
    int failedAttempts) {

  public ChallengeSession(String poolId, String id, String clientId, String sub, String challengeName,
      Instant createdAt, Instant expiresAt, boolean used) {
    this(poolId, id, clientId, sub, challengeName, createdAt, expiresAt, used, 0);
  }

  public ChallengeSession markUsed() {
    return new ChallengeSession(poolId, id, clientId, sub, challengeName, createdAt, expiresAt, true, failedAttempts);
  }

  /** Unused again, with one more failed attempt counted. */
  public ChallengeSession reopenedAfterFailure() {
    return new ChallengeSession(poolId, id, clientId, sub, challengeName, createdAt, expiresAt, false,
        failedAttempts + 1);
  }
}
