package dev.userpool.authflows;

import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;

/**
 * The answer to SELECT_MFA_TYPE: USERNAME and ANSWER, one of the factors MFAS_CAN_CHOOSE offered.
 * The answer is the chosen factor's challenge with a new Session.
 */
public final class SelectMfaTypeChallenge implements ChallengeResponder {
  private final UserAccounts users;
  private final ChallengeSessions sessions;
  private final MfaStage stage;

  public SelectMfaTypeChallenge(UserAccounts users, ChallengeSessions sessions, MfaStage stage) {
    this.users = users;
    this.sessions = sessions;
    this.stage = stage;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    ChallengeSession taken = sessions.consume(ctx, session, MfaStage.SELECT_MFA_TYPE);
    User user = MfaStage.requireUser(ctx, users, taken, responses);
    String answer = responses.require("ANSWER");
    if (!stage.usableFactors(PoolMfa.of(ctx.pool()), user).contains(answer)) {
      throw ErrorCode.INVALID_PARAMETER.exception("Invalid MFA type selected"); // wording guessed
    }
    return stage.challengeFor(ctx, user, answer);
  }
}
