package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito AdminEnableUser: sets Enabled=true. */
public final class AdminEnableUser implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;

  public AdminEnableUser(Lookups lookups, UserDirectory directory) {
    this.lookups = lookups;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    directory.update(
        pool, directory.require(pool, in.string("Username")), u -> u.withEnabled(true, ctx.now()));
    return Json.object();
  }
}
