package dev.userpool.authflows;

import dev.userpool.authflows.CustomChallengeTriggers.Round;
import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * CUSTOM_AUTH's first step (sources §7.1, DG "Custom authentication challenge Lambda triggers"):
 * USERNAME (and SECRET_HASH) in; DefineAuthChallenge is asked with no rounds, or with {@code
 * {SRP_A, true}} when the client sends CHALLENGE_NAME=SRP_A and SRP_A to prove the password inside
 * the sequence ({@link CustomAuthSequence}).
 *
 * <p>The pool must have a DefineAuthChallenge function. A name that matches nobody is
 * UserNotFoundException, or under PreventUserExistenceErrors ENABLED a sequence whose triggers see
 * {@code userNotFound=true} and that can never issue tokens (sources §8.3). A disabled, unconfirmed
 * or reset user is refused before any trigger runs; the password lockout only guards the SRP
 * variant (sources §8.2).
 */
public final class CustomAuthFlow implements AuthFlow {
  private final UserAccounts users;
  private final AccountProtection protection;
  private final CustomAuthSequence sequence;
  private final AuthenticationHooks hooks;

  public CustomAuthFlow(
      UserAccounts users,
      AccountProtection protection,
      CustomAuthSequence sequence,
      AuthenticationHooks hooks) {
    this.users = users;
    this.protection = protection;
    this.sequence = sequence;
    this.hooks = hooks;
  }

  @Override
  public AuthResult initiate(SignInContext ctx, Parameters params) {
    String username = params.require("USERNAME");
    SecretHashCheck.require(ctx.client(), username, params.optional("SECRET_HASH"));
    boolean withSrp =
        params.optional("CHALLENGE_NAME").map(CustomAuthSequence.SRP_A::equals).orElse(false);
    String srpA = withSrp ? params.require("SRP_A") : null;
    if (withSrp) {
      SrpAuthFlow.requireValidA(srpA);
    }
    if (!sequence.configured(ctx)) {
      throw CustomAuthSequence.notConfigured();
    }
    User user = users.findForSignIn(ctx.pool(), username).orElse(null);
    if (user == null && !ctx.settings().hidesUserExistence()) {
      throw AccountProtection.unknownUser(ctx);
    }
    if (user != null) {
      if (withSrp) {
        protection.beforePassword(ctx, user);
      } else {
        refuseUnusable(ctx, user);
        hooks.beforeAuthentication(ctx, user); // with SRP it runs at the PASSWORD_VERIFIER step
      }
      if (user.status() == UserStatus.UNCONFIRMED) {
        throw ErrorCode.USER_NOT_CONFIRMED.exception("User is not confirmed.");
      }
    }
    List<Round> rounds =
        withSrp ? List.of(new Round(CustomAuthSequence.SRP_A, true, null)) : List.of();
    CustomAuthState state =
        new CustomAuthState(
            user != null ? user.username() : username,
            user != null ? user.sub() : null,
            rounds,
            Map.of(),
            null,
            srpA);
    return sequence.next(ctx, user, state);
  }

  /** The user-state checks of every sign-in but the lockout, which counts wrong passwords only. */
  private static void refuseUnusable(SignInContext ctx, User user) {
    if (user.status() == UserStatus.RESET_REQUIRED) {
      throw ctx.settings().hidesUserExistence()
          ? ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password.")
          : ErrorCode.PASSWORD_RESET_REQUIRED.exception("Password reset required for the user");
    }
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
  }
}
