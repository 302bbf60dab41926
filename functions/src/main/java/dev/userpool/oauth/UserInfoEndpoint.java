package dev.userpool.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.errors.CognitoException;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.Json;
import java.util.Map;

/**
 * {@code GET/POST /oauth2/userInfo}: the claims of the user an access token with the {@code openid} scope speaks
 * for — sub, every attribute of the user (values as strings; the client's ReadAttributes are not applied here yet, as Cognito's documented sample shows them) and
 * username. A token that is missing its openid scope, expired, revoked or not ours is 401 invalid_token; a request
 * without a Bearer token is 400 invalid_request (Cognito's userInfo endpoint documentation).
 */
final class UserInfoEndpoint {
  private final AccessTokens accessTokens;

  UserInfoEndpoint(AccessTokens accessTokens) {
    this.accessTokens = accessTokens;
  }

  ObjectNode handle(ApiRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.substring(7).isBlank()) {
      throw OAuthException.invalidRequest("no Bearer token");
    }
    SignedInUser signedIn;
    try {
      signedIn = accessTokens.requireValid(authorization.substring(7).strip(), AccessTokens.MissingUser.REVOKED,
          "openid");
    } catch (CognitoException e) {
      throw new OAuthException(401, "invalid_token", e.getMessage());
    }
    if (!OAuthClients.hasDomain(signedIn.pool())) {
      throw new OAuthException(401, "invalid_token", "the pool has no domain");
    }
    ObjectNode out = Json.object();
    out.put("sub", signedIn.user().sub());
    for (Map.Entry<String, String> a : signedIn.user().attributes().entrySet()) {
      if (!a.getKey().equals("sub") && a.getValue() != null) {
        out.put(a.getKey(), a.getValue());
      }
    }
    out.put("username", signedIn.user().username());
    return out;
  }
}
