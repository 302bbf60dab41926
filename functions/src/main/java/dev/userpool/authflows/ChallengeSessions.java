package dev.userpool.authflows;

import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.ChallengeSessionStore;
import dev.userpool.store.ChallengeSessionStore.Consumed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The {@code Session} strings of challenges: 128 opaque random characters (the model allows
 * 20–2048), stored only as their SHA-256, bound to the pool, client, user and challenge they were
 * issued for, valid for the client's AuthSessionValidity, and answerable once.
 */
public final class ChallengeSessions {
  private static final int RANDOM_BYTES = 96; // 128 base64url characters

  private final ChallengeSessionStore store;
  private final SecureRandom random;

  public ChallengeSessions(ChallengeSessionStore store, SecureRandom random) {
    this.store = store;
    this.random = random;
  }

  /**
   * A new Session for {@code challengeName} answered by {@code user} through the context's client.
   */
  public String open(SignInContext ctx, User user, String challengeName) {
    return open(ctx, user.sub(), challengeName, null);
  }

  /**
   * A new Session for {@code challengeName} carrying {@code state} (already sealed by the caller)
   * back to the flow that answers it; {@code sub} is null when the sign-in names nobody
   * (PreventUserExistenceErrors).
   */
  public String open(SignInContext ctx, String sub, String challengeName, String state) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.create(
        new ChallengeSession(
            ctx.pool().id(),
            hash(session),
            ctx.client().clientId(),
            sub,
            challengeName,
            ctx.now(),
            ctx.now().plus(ctx.settings().authSessionValidity()),
            false,
            state));
    return session;
  }

  /**
   * Consumes the Session answering {@code challengeName}. NotAuthorizedException "Invalid session
   * for the user, session is expired." when it is unknown, expired or was issued for another client
   * or challenge (the last two wordings guessed); "Invalid session for the user, session can only
   * be used once." when it was answered before (observed wording, reapit/foundations#9684).
   */
  public ChallengeSession consume(SignInContext ctx, String session, String challengeName) {
    if (session == null || session.isEmpty()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Missing required parameter Session"); // wording guessed
    }
    Consumed consumed = store.consume(ctx.pool().id(), hash(session));
    if (consumed instanceof Consumed.AlreadyUsed) {
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "Invalid session for the user, session can only be used once.");
    }
    if (!(consumed instanceof Consumed.Taken taken)
        || !taken.session().clientId().equals(ctx.client().clientId())
        || !taken.session().challengeName().equals(challengeName)) {
      throw expired();
    }
    return taken.session();
  }

  /**
   * A Session that names its pool: for MFA_SETUP, whose Session is also presented to
   * AssociateSoftwareToken and VerifySoftwareToken, requests that carry neither a pool nor a
   * client. Form: {@code <poolId>.<random>}.
   */
  public String openPortable(SignInContext ctx, User user, String challengeName) {
    return openPortable(
        new ChallengeSession(
            ctx.pool().id(),
            null,
            ctx.client().clientId(),
            user.sub(),
            challengeName,
            ctx.now(),
            ctx.now().plus(ctx.settings().authSessionValidity()),
            false));
  }

  /**
   * A new portable Session for the same pool, client and user as {@code previous}, as long-lived as
   * it was.
   */
  public String reissuePortable(ChallengeSession previous, String challengeName, Instant now) {
    return openPortable(
        new ChallengeSession(
            previous.poolId(),
            null,
            previous.clientId(),
            previous.sub(),
            challengeName,
            now,
            now.plus(Duration.between(previous.createdAt(), previous.expiresAt())),
            false));
  }

  private String openPortable(ChallengeSession template) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    String session =
        template.poolId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.create(
        new ChallengeSession(
            template.poolId(),
            hash(session),
            template.clientId(),
            template.sub(),
            template.challengeName(),
            template.createdAt(),
            template.expiresAt(),
            false));
    return session;
  }

  /**
   * Consumes a portable Session presented without a client (AssociateSoftwareToken,
   * VerifySoftwareToken), with the same answers as {@link #consume}.
   */
  public ChallengeSession consumePortable(String session, String challengeName) {
    int dot = session == null ? -1 : session.indexOf('.');
    if (dot <= 0) {
      throw expired();
    }
    Consumed consumed = store.consume(session.substring(0, dot), hash(session));
    if (consumed instanceof Consumed.AlreadyUsed) {
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "Invalid session for the user, session can only be used once.");
    }
    if (!(consumed instanceof Consumed.Taken taken)
        || !taken.session().challengeName().equals(challengeName)) {
      throw expired();
    }
    return taken.session();
  }

  /**
   * After a wrong code: makes the Session answerable again while fewer than {@code maxAttempts}
   * wrong codes were given with it; after that it stays used up.
   */
  public void allowRetry(ChallengeSession taken, int maxAttempts) {
    if (taken.failedAttempts() + 1 < maxAttempts) {
      store.reopen(taken);
    }
  }

  /**
   * The internal challenge name a Session was issued for, without consuming it; empty when unknown.
   */
  public java.util.Optional<String> issuedFor(SignInContext ctx, String session) {
    if (session == null || session.isEmpty()) {
      return java.util.Optional.empty();
    }
    return store.find(ctx.pool().id(), hash(session)).map(ChallengeSession::challengeName);
  }

  static RuntimeException expired() {
    return ErrorCode.NOT_AUTHORIZED.exception("Invalid session for the user, session is expired.");
  }

  static String hash(String value) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
