package dev.userpool.store;

import dev.userpool.domain.ChallengeSession;

/**
 * Challenge sessions by pool and id (the SHA-256 of the Session string), kept until they expire
 * (item TTL). A session is consumed at most once, atomically, even when two containers answer with
 * it at the same moment.
 */
public interface ChallengeSessionStore {
  /** What {@link #consume} found. */
  sealed interface Consumed {
    /** The session was live and unused; it is now marked used. */
    record Taken(ChallengeSession session) implements Consumed {}

    /** A live session that was consumed before. */
    record AlreadyUsed(ChallengeSession session) implements Consumed {}

    /** No such live session: never issued, or expired. */
    record Missing() implements Consumed {}
  }

  void create(ChallengeSession session);

  /**
   * The live session with this id, used or not, without changing it (to route an answer by its
   * challenge).
   */
  java.util.Optional<ChallengeSession> find(String poolId, String id);

  /** Marks the session used if it is live and unused (a conditional write on the version read). */
  Consumed consume(String poolId, String id);

  /**
   * Makes a session this caller consumed answerable again with one more failed attempt counted (a
   * wrong MFA code leaves the Session usable). False when the stored session is no longer the one
   * {@code taken} describes (it expired, or was reopened by someone else), in which case nothing
   * changes.
   */
  boolean reopen(ChallengeSession taken);
}
