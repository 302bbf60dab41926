package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.TokenMint;
import dev.userpool.crypto.ClientSecretCheck;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.RefreshToken;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.RevokedOriginStore;
import java.util.Optional;

/**
 * Cognito RevokeToken: revokes a refresh token and every ID and access token minted from it — they
 * share its origin_jti (sources §6.6; API reference: "Revokes all of the access tokens generated
 * by, and at the same time as, the specified refresh token"). Checks, top-down:
 *
 * <ul>
 *   <li>the client exists (ResourceNotFoundException, as InitiateAuth; not modeled for RevokeToken
 *       — guessed);
 *   <li>a client with a secret gets it in ClientSecret (UnauthorizedException, the one
 *       authorization error the operation models; message guessed);
 *   <li>EnableTokenRevocation is on (UnsupportedOperationException, modeled as "an operation that
 *       isn't enabled for the user pool client"; message guessed);
 *   <li>the token is not a JWT — an ID or access token (UnsupportedTokenTypeException, as the
 *       /oauth2/revoke endpoint answers unsupported_token_type for anything but a refresh token;
 *       message guessed).
 * </ul>
 *
 * An unknown, expired, already revoked or other client's refresh token is answered with success and
 * nothing revoked, as RFC 7009 §2.2 has it for invalid tokens (Cognito's behaviour here is
 * unconfirmed).
 */
public final class RevokeToken implements Operation {
  private final Lookups lookups;
  private final RefreshTokenStore refreshTokens;
  private final RevokedOriginStore revokedOrigins;
  private final UserDirectory users;

  public RevokeToken(
      Lookups lookups,
      RefreshTokenStore refreshTokens,
      RevokedOriginStore revokedOrigins,
      UserDirectory users) {
    this.lookups = lookups;
    this.refreshTokens = refreshTokens;
    this.revokedOrigins = revokedOrigins;
    this.users = users;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    AppClient client = lookups.clientById(in.string("ClientId"));
    if (client.hasSecret()
        && !ClientSecretCheck.acceptsSecret(client, in.optString("ClientSecret").orElse(""))) {
      throw ErrorCode.UNAUTHORIZED.exception("Invalid client secret.");
    }
    if (client.settings() != null
        && Boolean.FALSE.equals(client.settings().get("EnableTokenRevocation"))) {
      throw ErrorCode.UNSUPPORTED_OPERATION.exception(
          "Token revocation is not enabled for this app client.");
    }
    String token = in.string("Token");
    if (isJwt(token)) {
      throw ErrorCode.UNSUPPORTED_TOKEN_TYPE.exception("Only refresh tokens can be revoked.");
    }
    revoke(
        client,
        token,
        ctx.now(),
        refreshTokens,
        revokedOrigins,
        lookups.pool(client.userPoolId()),
        users);
    return Json.object();
  }

  /** Whether the token is a JWS (an ID or access token) rather than a refresh token. */
  public static boolean isJwt(String token) {
    return token.split("\\.", -1).length == 3;
  }

  /**
   * Revokes {@code token} if it is a live refresh token of {@code client}; anything else is
   * silently ignored. Shared with the /oauth2/revoke endpoint. {@code users} marks the user ({@link
   * RevocationMark}) so that access-token checks look the revocation up.
   */
  public static void revoke(
      AppClient client,
      String token,
      java.time.Instant now,
      RefreshTokenStore refreshTokens,
      RevokedOriginStore revokedOrigins,
      UserPool pool,
      UserDirectory users) {
    String hash = TokenMint.refreshTokenHash(token);
    Optional<RefreshToken> stored =
        refreshTokens
            .find(client.userPoolId(), hash)
            .filter(t -> t.clientId().equals(client.clientId()) && now.isBefore(t.expiresAt()));
    if (stored.isPresent()) {
      // The user's mark first (access-token checks look for revocations only while it is live),
      // then the origin:
      // if the delete is lost, a retry finds the token again; the reverse would leave its access
      // tokens alive
      // with nothing left to revoke them by.
      RefreshToken revoked = stored.get();
      users
          .store()
          .findBySub(pool.id(), revoked.sub())
          .ifPresent(
              user ->
                  users.update(
                      pool,
                      user,
                      u ->
                          u.withExtensions(
                              RevocationMark.marked(u, revoked.expiresAt()),
                              u.lastModifiedDate())));
      revokedOrigins.revoke(
          client.userPoolId(), stored.get().originJti(), stored.get().expiresAt());
      refreshTokens.delete(client.userPoolId(), hash);
    }
  }
}
