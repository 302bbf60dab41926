package dev.userpool.authflows;

import dev.userpool.domain.ChallengeSession;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.ChallengeSessionStore;
import dev.userpool.store.ChallengeSessionStore.Consumed;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * The challenges of StartWebAuthnRegistration. Each is 32 random bytes, kept only as the SHA-256 of
 * its base64url form in the challenge-session store (so with its TTL, checked on read), bound to
 * the pool, user and app client it was issued to, and usable by one CompleteWebAuthnRegistration.
 */
public final class RegistrationChallenges {
  /** How long a registration may take; also CredentialCreationOptions' timeout. */
  public static final Duration VALIDITY = Duration.ofMinutes(5);

  static final String CHALLENGE_NAME = "WEB_AUTHN_REGISTRATION";
  private static final int CHALLENGE_BYTES = 32;

  private final ChallengeSessionStore store;
  private final SecureRandom random;

  public RegistrationChallenges(ChallengeSessionStore store, SecureRandom random) {
    this.store = store;
    this.random = random;
  }

  /** A new challenge (its raw bytes) for the user's registration through {@code clientId}. */
  public byte[] issue(String poolId, String sub, String clientId, Instant now) {
    byte[] challenge = new byte[CHALLENGE_BYTES];
    random.nextBytes(challenge);
    store.create(
        new ChallengeSession(
            poolId,
            ChallengeSessions.hash(PasskeyCeremonies.base64Url(challenge)),
            clientId,
            sub,
            CHALLENGE_NAME,
            now,
            now.plus(VALIDITY),
            false));
    return challenge;
  }

  /**
   * Uses up the challenge a registration response carries: WebAuthnChallengeNotFoundException when
   * it was never issued to this user, expired or was used; WebAuthnClientMismatchException when
   * another app client started the registration (API reference of both exceptions).
   */
  public void consume(String poolId, String sub, String clientId, byte[] challenge) {
    Consumed consumed =
        store.consume(poolId, ChallengeSessions.hash(PasskeyCeremonies.base64Url(challenge)));
    if (!(consumed instanceof Consumed.Taken taken)
        || !CHALLENGE_NAME.equals(taken.session().challengeName())
        || !sub.equals(taken.session().sub())) {
      throw PasskeyCeremonies.challengeNotFound();
    }
    if (!taken.session().clientId().equals(clientId)) {
      throw ErrorCode.WEB_AUTHN_CLIENT_MISMATCH.exception(
          "The passkey registration was started with a different app client."); // wording ours
    }
  }
}
