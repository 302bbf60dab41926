package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito GlobalSignOut: the signed-in user revokes all of its refresh, ID and access tokens
 * (sources §6.6). The operation models no UserNotFoundException, so a deleted user's token is
 * "Access Token has been revoked".
 */
public final class GlobalSignOut implements Operation {
  private final AccessTokens tokens;
  private final SignOuts signOuts;

  public GlobalSignOut(AccessTokens tokens, SignOuts signOuts) {
    this.tokens = tokens;
    this.signOuts = signOuts;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who =
        tokens.requireValid(in.string("AccessToken"), AccessTokens.MissingUser.REVOKED);
    signOuts.signOut(who.pool(), who.user(), ctx.now());
    return Json.object();
  }
}
