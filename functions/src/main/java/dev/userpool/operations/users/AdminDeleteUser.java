package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito AdminDeleteUser: removes the user and frees its username and aliases. */
public final class AdminDeleteUser implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;

  public AdminDeleteUser(Lookups lookups, UserDirectory directory) {
    this.lookups = lookups;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    directory.delete(pool, directory.require(pool, in.string("Username")));
    return Json.object();
  }
}
