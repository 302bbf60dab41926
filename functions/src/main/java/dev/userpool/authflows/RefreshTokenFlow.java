package dev.userpool.authflows;

import dev.userpool.errors.ErrorCode;

/**
 * REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new ID and access tokens for a live refresh token of the same
 * client, with the original auth_time and origin_jti; no new refresh token (sources §6.1, §6.6).
 * SECRET_HASH uses the internal username (§7.2). A refresh token issued before a global sign-out is
 * refused; one revoked with RevokeToken is deleted, so it is unknown. A refresh token issued on a
 * device refreshes only with that DEVICE_KEY (refused like an unknown token otherwise, as clients
 * report it: "Invalid Refresh Token"). A client with refresh-token rotation refuses this flow: "You
 * can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation enabled"
 * (developer guide, refresh tokens) — the error is the one a client without
 * ALLOW_REFRESH_TOKEN_AUTH gets (the exact answer is unconfirmed).
 */
public final class RefreshTokenFlow implements AuthFlow {
  private final RefreshTokenExchange exchange;
  private final TokenMint mint;

  public RefreshTokenFlow(RefreshTokenExchange exchange, TokenMint mint) {
    this.exchange = exchange;
    this.mint = mint;
  }

  @Override
  public AuthResult initiate(SignInContext ctx, Parameters params) {
    if (ctx.settings().rotatesRefreshTokens()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "REFRESH_TOKEN_AUTH flow not enabled for this client");
    }
    String token = params.require("REFRESH_TOKEN");
    RefreshTokenExchange.Redeemable r =
        exchange.redeem(ctx, token, RefreshTokenExchange.INVALID_TOKEN);
    RefreshTokenExchange.requireDevice(
        r.token(), params.optional("DEVICE_KEY"), "Invalid Refresh Token");
    SecretHashCheck.require(ctx.client(), r.user().username(), params.optional("SECRET_HASH"));
    RefreshTokenExchange.requireActive(r.user(), r.token());
    return mint.refresh(ctx, r.user(), r.token());
  }
}
