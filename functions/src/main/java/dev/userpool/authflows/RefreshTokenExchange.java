package dev.userpool.authflows;

import dev.userpool.domain.RefreshToken;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.StaleWriteException;
import java.time.Instant;
import java.util.Optional;

/**
 * Redeems a refresh token for new tokens: GetTokensFromRefreshToken, and through {@link #redeem}
 * the checks that REFRESH_TOKEN_AUTH shares with it. With the client's RefreshTokenRotation ENABLED
 * every use returns a successor refresh token and the used one is marked replaced; it keeps working
 * for RetryGracePeriodSeconds (client retries) and afterwards is RefreshTokenReuseException (API
 * reference, RefreshTokenRotationType and the exception's documentation). Without rotation only new
 * ID and access tokens are issued.
 */
public final class RefreshTokenExchange {
  /** Observed for GetTokensFromRefreshToken with an unknown token (aws/aws-sdk-js-v3#7162). */
  static final String INVALID_TOKEN = "Invalid Refresh Token.";

  private static final int ATTEMPTS = 5;

  private final RefreshTokenStore tokens;
  private final UserAccounts users;
  private final TokenMint mint;

  RefreshTokenExchange(RefreshTokenStore tokens, UserAccounts users, TokenMint mint) {
    this.tokens = tokens;
    this.users = users;
    this.mint = mint;
  }

  /** A redeemable refresh token and its user. */
  record Redeemable(RefreshToken token, User user) {}

  /**
   * GetTokensFromRefreshToken, after the caller has authenticated the client; {@code deviceKey} is
   * the request's DeviceKey, which a token issued on a device must name.
   */
  public AuthResult.Authenticated exchange(
      SignInContext ctx, String refreshToken, Optional<String> deviceKey) {
    for (int attempt = 1; ; attempt++) {
      Redeemable r = redeem(ctx, refreshToken, INVALID_TOKEN);
      requireDevice(r.token(), deviceKey, INVALID_TOKEN);
      requireActive(r.user(), r.token());
      if (!ctx.settings().rotatesRefreshTokens()) {
        return mint.refresh(ctx, r.user(), r.token());
      }
      try {
        return mint.refreshAndRotate(ctx, r.user(), r.token());
      } catch (StaleWriteException e) {
        // Rotated or revoked concurrently: read it again; a retry within the grace period still
        // succeeds.
        if (attempt >= ATTEMPTS) {
          throw ErrorCode.CONCURRENT_MODIFICATION.exception();
        }
      }
    }
  }

  /**
   * The checks every refresh makes, top-down: a live token of this client ({@code invalidMessage}),
   * not rotated out longer ago than the grace period (RefreshTokenReuseException), its user exists,
   * is enabled and has not signed out globally since the token was issued.
   */
  Redeemable redeem(SignInContext ctx, String refreshToken, String invalidMessage) {
    RefreshToken stored =
        tokens
            .find(ctx.pool().id(), TokenMint.refreshTokenHash(refreshToken))
            .filter(
                t ->
                    t.clientId().equals(ctx.client().clientId())
                        && ctx.now().isBefore(t.expiresAt()))
            .orElseThrow(() -> ErrorCode.NOT_AUTHORIZED.exception(invalidMessage));
    if (stored.replaced()) {
      Instant graceEnd = stored.replacedAt().plus(ctx.settings().refreshTokenRetryGracePeriod());
      if (!ctx.now().isBefore(graceEnd)) {
        throw ErrorCode.REFRESH_TOKEN_REUSE.exception(
            "Refresh token has been revoked or reused."); // ours
      }
    }
    User user =
        users
            .findBySub(ctx.pool(), stored.sub())
            .orElseThrow(
                () ->
                    ErrorCode.NOT_AUTHORIZED.exception("User does not exist.")); // wording guessed
    return new Redeemable(stored, user);
  }

  /**
   * A refresh token issued on a device refreshes only with that device's key (refused like an
   * unknown token, as clients of device-tracking pools report it).
   */
  static void requireDevice(
      RefreshToken stored, Optional<String> deviceKey, String invalidMessage) {
    if (stored.deviceKey() != null && !stored.deviceKey().equals(deviceKey.orElse(null))) {
      throw ErrorCode.NOT_AUTHORIZED.exception(invalidMessage);
    }
  }

  /**
   * The user checks after the client's secret: enabled, and no global sign-out since the token was
   * issued.
   */
  static void requireActive(User user, RefreshToken stored) {
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    if (GlobalSignOutState.revokes(user, stored.issuedAt())) {
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "Refresh Token has been revoked"); // observed: aws/aws-sdk-net#1936
    }
  }
}
