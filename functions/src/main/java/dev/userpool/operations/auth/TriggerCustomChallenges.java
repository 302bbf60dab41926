package dev.userpool.operations.auth;

import dev.userpool.authflows.CustomChallengeTriggers;
import dev.userpool.authflows.SignInContext;
import dev.userpool.domain.UserPool;
import dev.userpool.triggers.ChallengeResult;
import dev.userpool.triggers.CreateAuthChallengeResult;
import dev.userpool.triggers.DefineAuthChallengeResult;
import dev.userpool.triggers.Trigger;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.Triggers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom authentication triggers behind CUSTOM_AUTH (DefineAuthChallenge_Authentication,
 * CreateAuthChallenge_Authentication, VerifyAuthChallengeResponse_Authentication). Their events
 * carry the user's attributes (none for a name that matches nobody, then {@code userNotFound=true})
 * and, as the API reference's ClientMetadata text says (sources §5.7), the ClientMetadata of
 * RespondToAuthChallenge only: InitiateAuth passes none to Define and Create.
 */
public final class TriggerCustomChallenges implements CustomChallengeTriggers {
  private final Triggers triggers;

  public TriggerCustomChallenges(Triggers triggers) {
    this.triggers = triggers;
  }

  @Override
  public boolean defineConfigured(UserPool pool) {
    return triggers.isConfigured(pool, Trigger.DEFINE_AUTH_CHALLENGE);
  }

  @Override
  public Optional<Decision> define(SignInContext ctx, Subject subject, List<Round> rounds) {
    return triggers
        .defineAuthChallenge(context(ctx, subject), session(rounds), subject.userNotFound())
        .map(TriggerCustomChallenges::decision);
  }

  @Override
  public Optional<Challenge> create(
      SignInContext ctx, Subject subject, String challengeName, List<Round> rounds) {
    return triggers
        .createAuthChallenge(
            context(ctx, subject), challengeName, session(rounds), subject.userNotFound())
        .map(TriggerCustomChallenges::challenge);
  }

  @Override
  public Optional<Boolean> verify(
      SignInContext ctx, Subject subject, Map<String, String> privateParameters, String answer) {
    return triggers.verifyAuthChallengeResponse(
        context(ctx, subject), privateParameters, answer, subject.userNotFound());
  }

  private static Decision decision(DefineAuthChallengeResult r) {
    return new Decision(r.challengeName(), r.issueTokens(), r.failAuthentication());
  }

  private static Challenge challenge(CreateAuthChallengeResult r) {
    return new Challenge(
        withoutNulls(r.publicChallengeParameters()),
        withoutNulls(r.privateChallengeParameters()),
        r.challengeMetadata());
  }

  private static List<ChallengeResult> session(List<Round> rounds) {
    return rounds.stream()
        .map(
            r -> new ChallengeResult(r.challengeName(), r.challengeResult(), r.challengeMetadata()))
        .toList();
  }

  private static TriggerContext context(SignInContext ctx, Subject subject) {
    Map<String, String> attributes =
        subject.userNotFound()
            ? Map.of()
            : TriggerAuthenticationHooks.eventAttributes(subject.user());
    String userName = subject.userNotFound() ? subject.username() : subject.user().username();
    Map<String, String> clientMetadata =
        ctx.challengeResponse() && !ctx.clientMetadata().isEmpty() ? ctx.clientMetadata() : null;
    return new TriggerContext(
        ctx.pool(), ctx.client().clientId(), userName, attributes, clientMetadata);
  }

  /**
   * A null value in a returned map means "not set" (the map types of ChallengeParameters hold
   * strings).
   */
  private static Map<String, String> withoutNulls(Map<String, String> values) {
    Map<String, String> kept = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (v != null) {
            kept.put(k, v);
          }
        });
    return kept;
  }
}
