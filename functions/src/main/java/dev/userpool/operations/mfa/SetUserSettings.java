package dev.userpool.operations.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.UserAccounts;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito SetUserSettings (deprecated by Cognito in favour of SetUserMFAPreference): the user's
 * MFAOptions.
 */
public final class SetUserSettings implements Operation {
  private final AccessTokens tokens;
  private final UserAccounts users;

  public SetUserSettings(AccessTokens tokens, UserAccounts users) {
    this.tokens = tokens;
    this.users = users;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    users.update(who.pool(), who.user(), u -> LegacyMfaOptions.apply(u, in, ctx.now()));
    return Json.object();
  }
}
