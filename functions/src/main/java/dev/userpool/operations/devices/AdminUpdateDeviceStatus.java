package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.User;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AdminUpdateDeviceStatus: marks a confirmed device of the user remembered or
 * not_remembered.
 */
public final class AdminUpdateDeviceStatus implements Operation {
  private final AdminDevices admin;
  private final UserDevices devices;

  public AdminUpdateDeviceStatus(AdminDevices admin, UserDevices devices) {
    this.admin = admin;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    User user = admin.user(in);
    String deviceKey = in.string("DeviceKey");
    in.optString("DeviceRememberedStatus")
        .ifPresentOrElse(
            status -> devices.update(user, deviceKey, d -> d.withStatus(status, ctx.now())),
            () -> devices.require(user, deviceKey, d -> true));
    return Json.object();
  }
}
