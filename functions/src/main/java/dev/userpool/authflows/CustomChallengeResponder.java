package dev.userpool.authflows;

/**
 * The answer to CUSTOM_CHALLENGE (sources §7.3): the Session, USERNAME and ANSWER (and SECRET_HASH
 * over the internal username). VerifyAuthChallengeResponse judges ANSWER against the private
 * parameters CreateAuthChallenge gave, and DefineAuthChallenge decides what follows ({@link
 * CustomAuthSequence#answered}).
 */
public final class CustomChallengeResponder implements ChallengeResponder {
  private final CustomAuthSequence sequence;

  public CustomChallengeResponder(CustomAuthSequence sequence) {
    this.sequence = sequence;
  }

  @Override
  public AuthResult respond(SignInContext ctx, Parameters responses, String session) {
    return sequence.answered(ctx, responses, session);
  }
}
