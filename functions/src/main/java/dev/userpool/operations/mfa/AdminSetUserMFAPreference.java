package dev.userpool.operations.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.PasskeySignIn;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AdminSetUserMFAPreference: as SetUserMFAPreference, for the user an administrator names.
 */
public final class AdminSetUserMFAPreference implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final PasskeySignIn passkeys;

  public AdminSetUserMFAPreference(
      Lookups lookups, UserDirectory directory, PasskeySignIn passkeys) {
    this.lookups = lookups;
    this.directory = directory;
    this.passkeys = passkeys;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    User user = directory.require(pool, in.string("Username"));
    directory.update(pool, user, u -> MfaPreferences.apply(pool, u, in, ctx.now(), passkeys));
    return Json.object();
  }
}
