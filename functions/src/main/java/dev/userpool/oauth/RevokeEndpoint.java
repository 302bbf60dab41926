package dev.userpool.oauth;

import dev.userpool.operations.Lookups;
import dev.userpool.operations.self.RevokeToken;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.RevokedOriginStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code POST /oauth2/revoke}: revokes a refresh token and the access tokens issued with it, as the
 * RevokeToken operation does (shared code). An ID or access token is unsupported_token_type; a
 * client with revocation turned off is unauthorized_client (guessed); an unknown token is a success
 * (RFC 7009 §2.2).
 */
final class RevokeEndpoint {
  private final OAuthClients clients;
  private final RefreshTokenStore refreshTokens;
  private final RevokedOriginStore revokedOrigins;
  private final Lookups lookups;
  private final UserDirectory users;

  RevokeEndpoint(
      OAuthClients clients,
      RefreshTokenStore refreshTokens,
      RevokedOriginStore revokedOrigins,
      Lookups lookups,
      UserDirectory users) {
    this.clients = clients;
    this.refreshTokens = refreshTokens;
    this.revokedOrigins = revokedOrigins;
    this.lookups = lookups;
    this.users = users;
  }

  void handle(ApiRequest request, Instant now) {
    Form form = Form.parse(new String(request.body(), StandardCharsets.UTF_8));
    String token = form.require("token");
    OAuthClients.Found found = clients.authenticate(request, form);
    if (Boolean.FALSE.equals(found.client().settings().get("EnableTokenRevocation"))) {
      throw OAuthException.unauthorizedClient("token revocation is off for this client");
    }
    if (RevokeToken.isJwt(token)) {
      throw new OAuthException(400, "unsupported_token_type", "only refresh tokens can be revoked");
    }
    RevokeToken.revoke(
        found.client(),
        token,
        now,
        refreshTokens,
        revokedOrigins,
        lookups.pool(found.client().userPoolId()),
        users);
  }
}
