package dev.userpool.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.errors.CognitoException;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.Json;
import dev.userpool.store.AppClientStore;
import java.util.List;
import java.util.Map;

/**
 * {@code GET/POST /oauth2/userInfo}: the claims of the user an access token with the {@code openid}
 * scope speaks for — sub, every attribute its client may read (ReadAttributes; values as strings,
 * as Cognito's documented sample shows them) and username. A token that is missing its openid
 * scope, expired, revoked or not ours is 401 invalid_token; a request without a Bearer token is 400
 * invalid_request (Cognito's userInfo endpoint documentation).
 */
final class UserInfoEndpoint {
  private final AccessTokens accessTokens;
  private final AppClientStore clients;

  UserInfoEndpoint(AccessTokens accessTokens, AppClientStore clients) {
    this.accessTokens = accessTokens;
    this.clients = clients;
  }

  ObjectNode handle(ApiRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.substring(7).isBlank()) {
      throw OAuthException.invalidRequest("no Bearer token");
    }
    SignedInUser signedIn;
    try {
      signedIn =
          accessTokens.requireValid(
              authorization.substring(7).strip(), AccessTokens.MissingUser.REVOKED, "openid");
    } catch (CognitoException e) {
      throw new OAuthException(401, "invalid_token", e.getMessage());
    }
    if (!OAuthClients.hasDomain(signedIn.pool())) {
      throw new OAuthException(401, "invalid_token", "the pool has no domain");
    }
    ObjectNode out = Json.object();
    out.put("sub", signedIn.user().sub());
    List<String> readable = readAttributes(signedIn);
    for (Map.Entry<String, String> a : signedIn.user().attributes().entrySet()) {
      if (!a.getKey().equals("sub")
          && a.getValue() != null
          && (readable.isEmpty() || readable.contains(a.getKey()))) {
        out.put(a.getKey(), a.getValue());
      }
    }
    out.put("username", signedIn.user().username());
    return out;
  }

  /**
   * The ReadAttributes of the client the token was issued to; empty (every attribute) when it has
   * none.
   */
  private List<String> readAttributes(SignedInUser signedIn) {
    String clientId = signedIn.token().claims().path("client_id").asText(null);
    return clients
        .findByClientId(clientId == null ? "" : clientId)
        .map(c -> OAuthClients.list(c, "ReadAttributes"))
        .orElse(List.of());
  }
}
