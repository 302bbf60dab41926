package dev.userpool.authevents;

import dev.userpool.authflows.Parameters;
import dev.userpool.authflows.SignInContext;
import dev.userpool.authflows.SignInGuard;
import dev.userpool.authflows.UserAccounts;
import dev.userpool.domain.AuthEvent;
import dev.userpool.domain.User;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Threat protection around the sign-in flows (API and hosted page). A request from a blocked IP
 * range of the pool (or client) is refused before the flow runs when the pool is ENFORCED, and
 * leaves a failed SignIn event with the risk decision Block; a skipped range is never blocked.
 * Steps that check the password (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH with
 * PASSWORD, SRP's PASSWORD_VERIFIER) record a SignIn event: Pass with tokens, InProgress when a
 * challenge follows, Fail on a wrong password. MFA answers add an Mfa result to the sign-in in
 * progress.
 */
public final class AuditedSignIns implements SignInGuard {
  private static final Set<String> PASSWORD_FLOWS =
      Set.of("USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH");
  private static final Set<String> MFA_CHALLENGES = Set.of("SMS_MFA", "SOFTWARE_TOKEN_MFA");
  private static final AuthEvent.Challenge PASSWORD_SUCCESS =
      new AuthEvent.Challenge("Password", "Success");
  private static final AuthEvent.Challenge PASSWORD_FAILURE =
      new AuthEvent.Challenge("Password", "Failure");

  private final AuthEventLog log;
  private final UserAccounts users;

  public AuditedSignIns(AuthEventLog log, UserAccounts users) {
    this.log = log;
    this.users = users;
  }

  @Override
  public <T> T initiate(
      String authFlow,
      SignInContext ctx,
      Parameters parameters,
      Supplier<T> step,
      Predicate<T> signedIn) {
    boolean checksPassword =
        PASSWORD_FLOWS.contains(authFlow)
            || "USER_AUTH".equals(authFlow) && parameters.optional("PASSWORD").isPresent();
    return guarded(ctx, parameters, checksPassword, step, signedIn);
  }

  @Override
  public <T> T respond(
      String challengeName,
      SignInContext ctx,
      Parameters responses,
      Supplier<T> step,
      Predicate<T> signedIn) {
    if (MFA_CHALLENGES.contains(challengeName)
        || "EMAIL_OTP".equals(challengeName) && responses.optional("EMAIL_OTP_CODE").isPresent()) {
      return mfaAnswer(ctx, responses, step, signedIn);
    }
    boolean checksPassword =
        "PASSWORD_VERIFIER".equals(challengeName)
            || "SELECT_CHALLENGE".equals(challengeName)
                && "PASSWORD".equals(responses.optional("ANSWER").orElse(null))
            || "PASSWORD".equals(challengeName);
    return guarded(ctx, responses, checksPassword, step, signedIn);
  }

  private <T> T guarded(
      SignInContext ctx,
      Parameters parameters,
      boolean checksPassword,
      Supplier<T> step,
      Predicate<T> signedIn) {
    if (!ThreatProtection.recordsEvents(ctx.pool())) {
      return step.get();
    }
    String riskDecision = blocked(ctx) ? AuthEventLog.BLOCK : AuthEventLog.NO_RISK;
    if (AuthEventLog.BLOCK.equals(riskDecision) && ThreatProtection.enforces(ctx.pool())) {
      record(ctx, parameters, AuthEventLog.FAIL, riskDecision, List.of());
      // Cognito's text as observed by Amplify users (see docs/fidelity.md)
      throw ErrorCode.NOT_AUTHORIZED.exception("Request not allowed due to security reasons.");
    }
    if (!checksPassword) {
      return step.get();
    }
    T result;
    try {
      result = step.get();
    } catch (CognitoException e) {
      if (e.code() == ErrorCode.NOT_AUTHORIZED) {
        record(ctx, parameters, AuthEventLog.FAIL, riskDecision, List.of(PASSWORD_FAILURE));
      }
      throw e;
    }
    String response = signedIn.test(result) ? AuthEventLog.PASS : AuthEventLog.IN_PROGRESS;
    record(ctx, parameters, response, riskDecision, List.of(PASSWORD_SUCCESS));
    return result;
  }

  private <T> T mfaAnswer(
      SignInContext ctx, Parameters responses, Supplier<T> step, Predicate<T> signedIn) {
    if (!ThreatProtection.recordsEvents(ctx.pool())) {
      return step.get();
    }
    if (blocked(ctx) && ThreatProtection.enforces(ctx.pool())) {
      record(ctx, responses, AuthEventLog.FAIL, AuthEventLog.BLOCK, List.of());
      throw ErrorCode.NOT_AUTHORIZED.exception("Request not allowed due to security reasons.");
    }
    String sub = sub(ctx, responses);
    T result;
    try {
      result = step.get();
    } catch (CognitoException e) {
      if (e.code() == ErrorCode.CODE_MISMATCH || e.code() == ErrorCode.NOT_AUTHORIZED) {
        log.continueSignIn(
            ctx.pool(),
            sub,
            new AuthEvent.Challenge("Mfa", "Failure"),
            AuthEventLog.IN_PROGRESS, // the Session may still be answered with the right code
            ctx.now());
      }
      throw e;
    }
    log.continueSignIn(
        ctx.pool(),
        sub,
        new AuthEvent.Challenge("Mfa", "Success"),
        signedIn.test(result) ? AuthEventLog.PASS : AuthEventLog.IN_PROGRESS,
        ctx.now());
    return result;
  }

  /** Blocked: in a BlockedIPRangeList range and in no SkippedIPRangeList range. */
  private static boolean blocked(SignInContext ctx) {
    String clientId = ctx.client().clientId();
    String ip = ctx.sourceIp();
    return ThreatProtection.blockedRanges(ctx.pool(), clientId).stream()
            .anyMatch(range -> IpRange.contains(range, ip))
        && ThreatProtection.skippedRanges(ctx.pool(), clientId).stream()
            .noneMatch(range -> IpRange.contains(range, ip));
  }

  private void record(
      SignInContext ctx,
      Parameters parameters,
      String response,
      String riskDecision,
      List<AuthEvent.Challenge> challenges) {
    log.record(
        ctx.pool(),
        sub(ctx, parameters),
        AuthEventLog.SIGN_IN,
        response,
        riskDecision,
        challenges,
        ctx.sourceIp(),
        null,
        ctx.now());
  }

  /** The user the step names (USERNAME), or null when there is none: no event then. */
  private String sub(SignInContext ctx, Parameters parameters) {
    return parameters
        .optional("USERNAME")
        .flatMap(name -> users.findForSignIn(ctx.pool(), name))
        .map(User::sub)
        .orElse(null);
  }
}
