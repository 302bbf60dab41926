package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.DeviceTracking;
import dev.userpool.domain.User;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito AdminForgetDevice: deletes a device of the user. */
public final class AdminForgetDevice implements Operation {
  private final AdminDevices admin;
  private final UserDevices devices;

  public AdminForgetDevice(AdminDevices admin, UserDevices devices) {
    this.admin = admin;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    User user = admin.user(in);
    String deviceKey = in.string("DeviceKey");
    devices.require(user, deviceKey, d -> true);
    if (!devices.store().delete(user.userPoolId(), user.sub(), deviceKey)) {
      throw DeviceTracking.notFound();
    }
    return Json.object();
  }
}
