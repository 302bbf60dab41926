package dev.userpool.authflows;

import dev.userpool.domain.User;
import java.util.List;
import java.util.Map;

/**
 * Sign-in as the pool domain's OAuth endpoints use it, built from the same parts as the API flows:
 * the password check of USER_PASSWORD_AUTH (migration, PreventUserExistenceErrors, lockout,
 * Pre/Post Authentication), the challenge answers of RespondToAuthChallenge (NEW_PASSWORD_REQUIRED
 * and the MFA challenges, with their sessions, attempt limits and messages), the token mint
 * (PreTokenGeneration) and the refresh-token redemption. Where the API ends in tokens, the hosted
 * sign-in ends in {@link AuthResult.SignedIn}, for which the OAuth layer issues a code.
 */
public final class OAuthSignIn {
  /** The challenges the hosted pages answer; CUSTOM_CHALLENGE is not offered there (DG). */
  public static final List<String> HOSTED_CHALLENGES =
      List.of(
          SignInCompletion.NEW_PASSWORD_REQUIRED,
          PoolMfa.SMS_MFA,
          PoolMfa.EMAIL_OTP,
          PoolMfa.SOFTWARE_TOKEN_MFA,
          MfaStage.SELECT_MFA_TYPE,
          MfaStage.MFA_SETUP);

  private final PasswordAuthFlow password;
  private final SignInCompletion completion;
  private final AuthFlows challenges;
  private final RefreshTokenExchange refresh;
  private final TokenMint mint;
  private SignInGuard guard = SignInGuard.NONE;

  OAuthSignIn(
      PasswordAuthFlow password,
      SignInCompletion completion,
      AuthFlows challenges,
      RefreshTokenExchange refresh,
      TokenMint mint) {
    this.password = password;
    this.completion = completion;
    this.challenges = challenges;
    this.refresh = refresh;
    this.mint = mint;
  }

  /** Runs every password check through {@code newGuard} (auth events, blocked IP ranges). */
  public OAuthSignIn guardedBy(SignInGuard newGuard) {
    this.guard = newGuard;
    return this;
  }

  /**
   * Checks the password as USER_PASSWORD_AUTH does (through the guard, as that flow), then what
   * follows it there: the challenge the user owes (NEW_PASSWORD_REQUIRED, an MFA challenge,
   * MFA_SETUP) or {@link AuthResult.SignedIn}. Cognito errors (NotAuthorizedException,
   * UserNotConfirmedException, …) propagate.
   */
  public AuthResult signIn(SignInContext ctx, String username, String pass) {
    Parameters parameters = new Parameters(Map.of("USERNAME", username, "PASSWORD", pass));
    return guard.initiate(
        "USER_PASSWORD_AUTH",
        ctx,
        parameters,
        () -> completion.passwordAccepted(ctx, password.authenticate(ctx, username, pass)),
        result -> result instanceof AuthResult.SignedIn);
  }

  /**
   * Answers one of {@link #HOSTED_CHALLENGES} as RespondToAuthChallenge does (the Session used
   * once, wrong codes counted, the same exceptions); the next challenge or {@link
   * AuthResult.SignedIn}.
   */
  public AuthResult respond(
      SignInContext ctx, String challengeName, Map<String, String> responses, String session) {
    return challenges.respond(challengeName, ctx, new Parameters(responses), session);
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
