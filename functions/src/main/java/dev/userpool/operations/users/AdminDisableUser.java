package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AdminDisableUser: sets Enabled=false; the user can no longer sign in, and its tokens are
 * refused.
 */
public final class AdminDisableUser implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;

  public AdminDisableUser(Lookups lookups, UserDirectory directory) {
    this.lookups = lookups;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    directory.update(
        pool, directory.require(pool, in.string("Username")), u -> u.withEnabled(false, ctx.now()));
    return Json.object();
  }
}
