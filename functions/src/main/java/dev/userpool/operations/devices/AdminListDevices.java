package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito AdminListDevices: every confirmed device of the user, Limit and PaginationToken. */
public final class AdminListDevices implements Operation {
  private final AdminDevices admin;
  private final UserDevices devices;

  public AdminListDevices(AdminDevices admin, UserDevices devices) {
    this.admin = admin;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    return devices.page(admin.user(in), in, ctx, d -> true);
  }
}
