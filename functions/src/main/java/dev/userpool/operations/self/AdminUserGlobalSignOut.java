package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AdminUserGlobalSignOut: an administrator revokes all of a user's tokens (sources §6.6).
 */
public final class AdminUserGlobalSignOut implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final SignOuts signOuts;

  public AdminUserGlobalSignOut(Lookups lookups, UserDirectory directory, SignOuts signOuts) {
    this.lookups = lookups;
    this.directory = directory;
    this.signOuts = signOuts;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    signOuts.signOut(pool, directory.require(pool, in.string("Username")), ctx.now());
    return Json.object();
  }
}
