package dev.userpool.operations.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.AuthResult;
import dev.userpool.authflows.RefreshTokenExchange;
import dev.userpool.authflows.SignInContext;
import dev.userpool.crypto.ClientSecretCheck;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.util.Optional;

/**
 * Cognito GetTokensFromRefreshToken: new ID and access tokens for a refresh token of this client,
 * and a successor refresh token when the client rotates them (see {@link RefreshTokenExchange}).
 * Works whether or not the client allows REFRESH_TOKEN_AUTH. A client with secrets must send one of
 * them in ClientSecret (NotAuthorizedException otherwise; the first message is Cognito's for a
 * missing SECRET_HASH, the second ours). ClientMetadata goes to Pre Token Generation; DeviceKey
 * must name the device a refresh token was issued on (ADR 0012).
 */
public final class GetTokensFromRefreshToken implements Operation {
  private final Lookups lookups;
  private final RefreshTokenExchange exchange;

  public GetTokensFromRefreshToken(Lookups lookups, RefreshTokenExchange exchange) {
    this.lookups = lookups;
    this.exchange = exchange;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    AppClient client = lookups.clientById(in.string("ClientId"));
    UserPool pool = lookups.pool(client.userPoolId());
    if (client.hasSecret()) {
      Optional<String> secret = in.optString("ClientSecret");
      if (secret.isEmpty()) {
        throw ErrorCode.NOT_AUTHORIZED.exception(
            "Client "
                + client.clientId()
                + " is configured for secret but secret was not received");
      }
      if (!ClientSecretCheck.acceptsSecret(client, secret.get())) {
        throw ErrorCode.NOT_AUTHORIZED.exception(
            "Unable to verify secret for client " + client.clientId());
      }
    }
    SignInContext signIn =
        new SignInContext(
            pool, client, in.stringMap("ClientMetadata"), false, ctx.now(), ctx.baseUrl());
    AuthResult.Authenticated tokens =
        exchange.exchange(signIn, in.string("RefreshToken"), in.optString("DeviceKey"));
    ObjectNode out = Json.object();
    ObjectNode result = out.putObject("AuthenticationResult");
    result.put("AccessToken", tokens.accessToken());
    result.put("ExpiresIn", tokens.expiresIn());
    result.put("TokenType", "Bearer");
    if (tokens.refreshToken() != null) {
      result.put("RefreshToken", tokens.refreshToken());
    }
    result.put("IdToken", tokens.idToken());
    return out;
  }
}
