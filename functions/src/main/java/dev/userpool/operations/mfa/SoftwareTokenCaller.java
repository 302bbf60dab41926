package dev.userpool.operations.mfa;

import dev.userpool.authflows.ChallengeSessions;
import dev.userpool.authflows.UserAccounts;
import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.protocol.Input;

/**
 * Who calls AssociateSoftwareToken / VerifySoftwareToken: a signed-in user (AccessToken) or a
 * sign-in in the middle of MFA_SETUP (Session, which is then used up; the caller issues the next
 * one). The request takes one of the two, not both (API reference).
 */
public final class SoftwareTokenCaller {
  /**
   * The pool and user; {@code session} is the consumed MFA_SETUP session, null for an access token.
   */
  record Caller(UserPool pool, User user, ChallengeSession session) {}

  private final AccessTokens tokens;
  private final ChallengeSessions sessions;
  private final Lookups lookups;
  private final UserAccounts users;

  public SoftwareTokenCaller(
      AccessTokens tokens, ChallengeSessions sessions, Lookups lookups, UserAccounts users) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.lookups = lookups;
    this.users = users;
  }

  Caller require(Input in, String sessionChallenge) {
    boolean byToken = in.optString("AccessToken").isPresent();
    boolean bySession = in.optString("Session").isPresent();
    if (byToken == bySession) {
      // wording guessed: the API reference says "an access token or a session string, but not both"
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Either AccessToken or Session must be provided, but not both.");
    }
    if (byToken) {
      var who = tokens.requireValid(in.string("AccessToken"));
      return new Caller(who.pool(), who.user(), null);
    }
    ChallengeSession taken = sessions.consumePortable(in.string("Session"), sessionChallenge);
    UserPool pool = lookups.pool(taken.poolId());
    User user =
        users
            .findBySub(pool, taken.sub())
            .orElseThrow(() -> ErrorCode.USER_NOT_FOUND.exception("User does not exist."));
    return new Caller(pool, user, taken);
  }
}
