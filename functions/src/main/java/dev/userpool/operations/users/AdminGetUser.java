package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AdminGetUser: the user by username, alias or sub; UserNotFoundException "User does not
 * exist.".
 */
public final class AdminGetUser implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;

  public AdminGetUser(Lookups lookups, UserDirectory directory) {
    this.lookups = lookups;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    return UserView.adminGetUser(directory.require(pool, in.string("Username")));
  }
}
