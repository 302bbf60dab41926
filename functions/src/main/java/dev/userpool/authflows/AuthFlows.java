package dev.userpool.authflows;

import dev.userpool.errors.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The table of auth flows and challenge answers, one line each, and the checks that come before any
 * of them: whether the operation may start the flow (Admin* flows only through AdminInitiateAuth)
 * and whether the client's ExplicitAuthFlows allow it (sources §7.1).
 */
public final class AuthFlows {
  private record Entry(AuthFlow flow, String allowFlag, boolean adminOnly) {}

  /**
   * Flows that only InitiateAuth starts: AdminInitiateAuth answers USER_PASSWORD_AUTH with
   * "Initiate Auth method not supported." (observed: awsdocs/aws-doc-sdk-examples#5289;
   * getmoto/moto#4836, confirmed by AWS support).
   */
  private static final Set<String> NOT_FOR_ADMIN = Set.of("USER_PASSWORD_AUTH");

  private final Map<String, Entry> flows = new LinkedHashMap<>();
  private final Map<String, ChallengeResponder> challenges = new LinkedHashMap<>();
  private SignInGuard guard = SignInGuard.NONE;

  public AuthFlows flow(String authFlow, String allowFlag, boolean adminOnly, AuthFlow flow) {
    flows.put(authFlow, new Entry(flow, allowFlag, adminOnly));
    return this;
  }

  public AuthFlows challenge(String challengeName, ChallengeResponder responder) {
    challenges.put(challengeName, responder);
    return this;
  }

  /** Runs every step through {@code newGuard} (auth events, blocked IP ranges). */
  public AuthFlows guardedBy(SignInGuard newGuard) {
    this.guard = newGuard;
    return this;
  }

  public AuthResult initiate(String authFlow, SignInContext ctx, Parameters authParameters) {
    Entry entry = flows.get(authFlow);
    if (entry == null
        || entry.adminOnly() && !ctx.admin()
        || ctx.admin() && NOT_FOR_ADMIN.contains(authFlow)) {
      // Observed for ADMIN_USER_PASSWORD_AUTH sent to InitiateAuth
      // (soto-project/soto-cognito-authentication-kit#10,
      // getmoto/moto#4623) and USER_PASSWORD_AUTH sent to AdminInitiateAuth; for flows not offered
      // here, guessed.
      throw ErrorCode.INVALID_PARAMETER.exception("Initiate Auth method not supported.");
    }
    if (!ctx.settings().allows(entry.allowFlag())) {
      // "USER_PASSWORD_AUTH flow not enabled for this client" (sources §7.1); other flows by
      // analogy.
      throw ErrorCode.INVALID_PARAMETER.exception(authFlow + " flow not enabled for this client");
    }
    return guard.initiate(
        authFlow,
        ctx,
        authParameters,
        () -> entry.flow().initiate(ctx, authParameters),
        AuthFlows::signedIn);
  }

  public AuthResult respond(
      String challengeName, SignInContext ctx, Parameters responses, String session) {
    ChallengeResponder responder = challenges.get(challengeName);
    if (responder == null) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid challenge name " + challengeName); // wording guessed
    }
    return guard.respond(
        challengeName,
        ctx,
        responses,
        () -> responder.respond(ctx, responses, session),
        AuthFlows::signedIn);
  }

  private static boolean signedIn(AuthResult result) {
    return result instanceof AuthResult.Authenticated;
  }
}
