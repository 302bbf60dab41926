package dev.userpool.domain;

import java.time.Instant;

/**
 * The server side of one challenge {@code Session} string: which pool, client and user (by sub) it was issued to,
 * for which challenge, and until when. The Session string itself is never stored, only its SHA-256 ({@code id}).
 * {@code used} turns true when a RespondToAuthChallenge consumed it (a session answers once).
 */
public record ChallengeSession(
    String poolId,
    String id,
    String clientId,
    String sub,
    String challengeName,
    Instant createdAt,
    Instant expiresAt,
    boolean used) {

  public ChallengeSession markUsed() {
    return new ChallengeSession(poolId, id, clientId, sub, challengeName, createdAt, expiresAt, true);
  }
}
