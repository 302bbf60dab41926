package dev.userpool.authflows;

import dev.userpool.domain.RefreshToken;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.RefreshTokenStore;

/**
 * REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new ID and access tokens for a live refresh token of the same client, with
 * the original auth_time and origin_jti; no new refresh token (facts §6.1, §6.6). SECRET_HASH uses the internal
 * username (§7.2). A refresh token issued before a global sign-out is refused; one revoked with RevokeToken is
 * deleted, so it is unknown.
 */
public final class RefreshTokenFlow implements AuthFlow {
  private final RefreshTokenStore tokens;
  private final UserAccounts users;
  private final TokenMint mint;

  public RefreshTokenFlow(RefreshTokenStore tokens, UserAccounts users, TokenMint mint) {
    this.tokens = tokens;
    this.users = users;
    this.mint = mint;
  }

  @Override
  public AuthResult initiate(SignInContext ctx, Parameters params) {
    return redeem(ctx, params.require("REFRESH_TOKEN"),
        user -> SecretHashCheck.require(ctx.client(), user.username(), params.optional("SECRET_HASH")));
  }

  /**
   * New tokens for {@code token}; {@code clientCheck} runs once the user is known (SECRET_HASH for the API; the
   * token endpoint authenticates the client itself).
   */
  public AuthResult.Authenticated redeem(SignInContext ctx, String token, java.util.function.Consumer<User> clientCheck) {
    RefreshToken stored = tokens.find(ctx.pool().id(), TokenMint.refreshTokenHash(token))
        .filter(t -> t.clientId().equals(ctx.client().clientId()) && ctx.now().isBefore(t.expiresAt()))
        .orElseThrow(() -> ErrorCode.NOT_AUTHORIZED.exception("Invalid Refresh Token")); // common wording
    User user = users.findBySub(ctx.pool(), stored.sub())
        .orElseThrow(() -> ErrorCode.NOT_AUTHORIZED.exception("User does not exist.")); // wording guessed
    clientCheck.accept(user);
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    if (GlobalSignOutState.revokes(user, stored.issuedAt())) {
      throw ErrorCode.NOT_AUTHORIZED.exception("Refresh Token has been revoked"); // common wording (facts §6.6)
    }
    return mint.refresh(ctx, user, stored);
  }
}
