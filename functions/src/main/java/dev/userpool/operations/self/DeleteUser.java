package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito DeleteUser: the signed-in user deletes itself; its tokens then fail (the user is gone).
 */
public final class DeleteUser implements Operation {
  private final AccessTokens tokens;
  private final UserDirectory directory;

  public DeleteUser(AccessTokens tokens, UserDirectory directory) {
    this.tokens = tokens;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    directory.delete(who.pool(), who.user());
    return Json.object();
  }
}
