package dev.userpool.operations.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.PasskeySignIn;
import dev.userpool.authflows.UserAccounts;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito SetUserMFAPreference: the signed-in user turns factors on/off and picks the preferred
 * one.
 */
public final class SetUserMFAPreference implements Operation {
  private final AccessTokens tokens;
  private final UserAccounts users;
  private final PasskeySignIn passkeys;

  public SetUserMFAPreference(AccessTokens tokens, UserAccounts users, PasskeySignIn passkeys) {
    this.tokens = tokens;
    this.users = users;
    this.passkeys = passkeys;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    users.update(
        who.pool(), who.user(), u -> MfaPreferences.apply(who.pool(), u, in, ctx.now(), passkeys));
    return Json.object();
  }
}
