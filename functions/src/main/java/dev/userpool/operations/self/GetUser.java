package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.users.UserView;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito GetUser: the signed-in user's username, attributes and MFA settings. */
public final class GetUser implements Operation {
  private final AccessTokens tokens;

  public GetUser(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    return UserView.getUser(tokens.requireValid(in.string("AccessToken")).user());
  }
}
