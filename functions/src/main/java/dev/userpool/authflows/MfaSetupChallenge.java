package dev.userpool.authflows;

import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to MFA_SETUP (facts: AssociateSoftwareToken(Session) → VerifySoftwareToken(Session) →
 * RespondToAuthChallenge MFA_SETUP {USERNAME}): only the Session VerifySoftwareToken returned
 * completes it. The verified token becomes an enabled factor of the user (preferred when nothing
 * else is), then tokens.
 */
public final class MfaSetupChallenge implements ChallengeResponder {
  private final UserAccounts users;
  private final ChallengeSessions sessions;
  private final SignInCompletion completion;

  public MfaSetupChallenge(
      UserAccounts users, ChallengeSessions sessions, SignInCompletion completion) {
    this.users = users;
    this.sessions = sessions;
    this.completion = completion;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    ChallengeSession taken = sessions.consume(ctx, session, MfaStage.MFA_SETUP_VERIFIED);
    User user = MfaStage.requireUser(ctx, users, taken, responses);
    User enabled =
        users.update(
            ctx.pool(),
            user,
            u -> {
              List<String> factors = new ArrayList<>(UserMfa.enabled(u));
              if (!factors.contains(PoolMfa.SOFTWARE_TOKEN_MFA)) {
                factors.add(PoolMfa.SOFTWARE_TOKEN_MFA);
              }
              String preferred = UserMfa.preferred(u).orElse(PoolMfa.SOFTWARE_TOKEN_MFA);
              return UserMfa.withPreferences(u, factors, preferred, ctx.now());
            });
    return completion.authenticated(ctx, enabled, TokenGenerationSource.AUTHENTICATION);
  }
}
