package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.FirstFactors;
import dev.userpool.authflows.PasskeySignIn;
import dev.userpool.operations.users.UserView;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito GetUserAuthFactors: for the signed-in user, the MFA preference members GetUser shows
 * (once MFA stores them) and ConfiguredUserAuthFactors, the first factors USER_AUTH would offer
 * ({@link FirstFactors#configured}).
 */
public final class GetUserAuthFactors implements Operation {
  private final AccessTokens tokens;
  private final PasskeySignIn passkeys;

  public GetUserAuthFactors(AccessTokens tokens, PasskeySignIn passkeys) {
    this.tokens = tokens;
    this.passkeys = passkeys;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    ObjectNode user = UserView.getUser(who.user());
    ObjectNode out = Json.object();
    out.put("Username", who.user().username());
    for (String member : new String[] {"PreferredMfaSetting", "UserMFASettingList"}) {
      if (user.has(member)) {
        out.set(member, user.get(member));
      }
    }
    FirstFactors.configured(who.pool(), who.user(), passkeys)
        .forEach(out.putArray("ConfiguredUserAuthFactors")::add);
    return out;
  }
}
