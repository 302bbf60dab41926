package dev.userpool.authflows;

/**
 * The answer to one challenge: ChallengeResponses and the Session (may be null) in, the next step
 * out.
 */
@FunctionalInterface
public interface ChallengeResponder {
  AuthResult respond(SignInContext ctx, Parameters responses, String session);
}
