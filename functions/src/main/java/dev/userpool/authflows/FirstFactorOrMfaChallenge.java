package dev.userpool.authflows;

/**
 * EMAIL_OTP (and SMS_OTP) name two challenges: a passwordless first factor of USER_AUTH and, for
 * EMAIL_OTP, the email MFA step after a password. The Session tells them apart: USER_AUTH issues
 * its sessions under internal names ({@code USER_AUTH/EMAIL_OTP}), so the answer goes to the flow
 * that issued it; anything else goes to MFA.
 */
final class FirstFactorOrMfaChallenge implements ChallengeResponder {
  private final ChallengeSessions sessions;
  private final String firstFactorSession;
  private final ChallengeResponder firstFactor;
  private final ChallengeResponder mfa;

  FirstFactorOrMfaChallenge(
      ChallengeSessions sessions,
      String challenge,
      ChallengeResponder firstFactor,
      ChallengeResponder mfa) {
    this.sessions = sessions;
    this.firstFactorSession = UserAuthFlow.SESSION_PREFIX + challenge;
    this.firstFactor = firstFactor;
    this.mfa = mfa;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    boolean issuedByUserAuth =
        sessions.issuedFor(ctx, session).map(firstFactorSession::equals).orElse(false);
    return (issuedByUserAuth ? firstFactor : mfa).respond(ctx, responses, session);
  }
}
