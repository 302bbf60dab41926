package dev.userpool.authflows;

import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;

/**
 * The answer to SOFTWARE_TOKEN_MFA: the Session, USERNAME and SOFTWARE_TOKEN_MFA_CODE (a current
 * TOTP code of the user's verified token, not accepted before). A wrong code answers
 * CodeMismatchException and leaves the Session usable for {@value MfaStage#MAX_CODE_ATTEMPTS} wrong
 * codes in all; wrong codes also count towards the user's lockout ({@link AccountProtection}).
 */
public final class SoftwareTokenMfaChallenge implements ChallengeResponder {
  private final UserAccounts users;
  private final ChallengeSessions sessions;
  private final AccountProtection protection;
  private final SoftwareTokens tokens;
  private final SignInCompletion completion;

  public SoftwareTokenMfaChallenge(
      UserAccounts users,
      ChallengeSessions sessions,
      AccountProtection protection,
      SoftwareTokens tokens,
      SignInCompletion completion) {
    this.users = users;
    this.sessions = sessions;
    this.protection = protection;
    this.tokens = tokens;
    this.completion = completion;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    ChallengeSession taken = sessions.consume(ctx, session, PoolMfa.SOFTWARE_TOKEN_MFA);
    User user = MfaStage.requireUser(ctx, users, taken, responses);
    String code = responses.require("SOFTWARE_TOKEN_MFA_CODE");
    protection.beforeSecondFactor(ctx, user);
    if (!tokens.acceptSignInCode(ctx.pool(), user, code, ctx.now())) {
      protection.wrongSecondFactor(ctx, user);
      sessions.allowRetry(taken, MfaStage.MAX_CODE_ATTEMPTS);
      throw MfaStage.codeMismatch();
    }
    user = protection.secondFactorAccepted(ctx, user);
    return completion.afterSecondFactor(
        ctx, user, TokenGenerationSource.AUTHENTICATION, responses.optional("DEVICE_KEY"));
  }
}
