package dev.userpool.operations.devices;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;

/**
 * The user an Admin* device operation names: UserPoolId and Username (or an alias), as other admin
 * operations.
 */
public final class AdminDevices {
  private final Lookups lookups;
  private final UserDirectory users;

  public AdminDevices(Lookups lookups, UserDirectory users) {
    this.lookups = lookups;
    this.users = users;
  }

  User user(Input in) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    return users.require(pool, in.string("Username"));
  }
}
