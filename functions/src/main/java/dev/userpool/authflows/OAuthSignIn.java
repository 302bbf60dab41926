package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * Sign-in as the pool domain's OAuth endpoints use it, built from the same parts as the API flows:
 * the password check of USER_PASSWORD_AUTH (migration, PreventUserExistenceErrors, lockout,
 * Pre/Post Authentication), the token mint (PreTokenGeneration) and the refresh-token redemption.
 */
public final class OAuthSignIn {
  /** What a correct password leads to on the hosted page. */
  public sealed interface Outcome {
    /**
     * Signed in (Post Authentication has run): an authorization code or tokens may be issued for
     * the user.
     */
    record SignedIn(User user) implements Outcome {}

    /**
     * The password was right but the user owes a second factor, which the hosted page does not
     * offer yet: no code is issued and Post Authentication does not run.
     */
    record MfaRequired(User user) implements Outcome {}

    /**
     * FORCE_CHANGE_PASSWORD: the user must choose a new password first; {@code session} is the
     * challenge session to answer with {@link #newPassword}.
     */
    record NewPasswordRequired(User user, String session) implements Outcome {}
  }

  private final PasswordAuthFlow password;
  private final ChallengeSessions sessions;
  private final NewPasswordRequiredChallenge newPassword;
  private final RefreshTokenExchange refresh;
  private final TokenMint mint;
  private final AuthenticationHooks hooks;
  private final MfaStage mfa;
  private SignInGuard guard = SignInGuard.NONE;

  OAuthSignIn(
      PasswordAuthFlow password,
      ChallengeSessions sessions,
      NewPasswordRequiredChallenge newPassword,
      RefreshTokenExchange refresh,
      TokenMint mint,
      AuthenticationHooks hooks,
      MfaStage mfa) {
    this.mfa = mfa;
    this.password = password;
    this.sessions = sessions;
    this.newPassword = newPassword;
    this.refresh = refresh;
    this.mint = mint;
    this.hooks = hooks;
  }

  /** Runs every password check through {@code newGuard} (auth events, blocked IP ranges). */
  public OAuthSignIn guardedBy(SignInGuard newGuard) {
    this.guard = newGuard;
    return this;
  }

  /**
   * Checks the password as USER_PASSWORD_AUTH does (through the guard, as that flow); Cognito
   * errors (NotAuthorizedException, …) propagate.
   */
  public Outcome signIn(SignInContext ctx, String username, String pass) {
    Parameters parameters = new Parameters(Map.of("USERNAME", username, "PASSWORD", pass));
    return guard.initiate(
        "USER_PASSWORD_AUTH",
        ctx,
        parameters,
        () -> checkPassword(ctx, username, pass),
        outcome -> outcome instanceof Outcome.SignedIn);
  }

  private Outcome checkPassword(SignInContext ctx, String username, String pass) {
    User user = password.authenticate(ctx, username, pass);
    return switch (user.status()) {
      case UNCONFIRMED -> throw ErrorCode.USER_NOT_CONFIRMED.exception("User is not confirmed.");
      case FORCE_CHANGE_PASSWORD -> {
        var temporary = user.password();
        if (temporary != null
            && temporary.temporaryUntil() != null
            && !ctx.now().isBefore(temporary.temporaryUntil())) {
          // the text SignInCompletion answers for the API flows
          throw ErrorCode.NOT_AUTHORIZED.exception(
              "Temporary password has expired and must be reset by an administrator.");
        }
        yield new Outcome.NewPasswordRequired(
            user, sessions.open(ctx, user, SignInCompletion.NEW_PASSWORD_REQUIRED));
      }
      default -> afterFirstFactor(ctx, user);
    };
  }

  private Outcome afterFirstFactor(SignInContext ctx, User user) {
    if (mfa.owed(ctx, user)) {
      return new Outcome.MfaRequired(user);
    }
    hooks.afterAuthentication(ctx, user);
    return new Outcome.SignedIn(user);
  }

  /**
   * Answers NEW_PASSWORD_REQUIRED as RespondToAuthChallenge does (policy, required attributes, the
   * session used once), then Post Authentication.
   */
  public Outcome newPassword(SignInContext ctx, String session, String username, String password) {
    User user =
        newPassword.accept(
            ctx,
            new Parameters(java.util.Map.of("USERNAME", username, "NEW_PASSWORD", password)),
            session);
    return afterFirstFactor(ctx, user);
  }

  /** Tokens for a redeemed authorization code (the user as stored now). */
  public AuthResult.Authenticated tokens(
      SignInContext ctx, User user, List<String> scopes, String nonce) {
    return mint.oauthSignIn(ctx, user, scopes, nonce == null ? TokenMint.NO_NONCE : nonce);
  }

  /**
   * Tokens for a refresh token of the context's client, the client authenticated by the caller: the
   * same exchange as GetTokensFromRefreshToken (a successor refresh token when the client rotates
   * them).
   */
  public AuthResult.Authenticated refresh(SignInContext ctx, String refreshToken) {
    return refresh.exchange(
        ctx, refreshToken, java.util.Optional.empty()); // device tokens are the API's
  }
}
