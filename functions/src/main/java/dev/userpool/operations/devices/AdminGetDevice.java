package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.User;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito AdminGetDevice: any confirmed device of the user, remembered or not. */
public final class AdminGetDevice implements Operation {
  private final AdminDevices admin;
  private final UserDevices devices;

  public AdminGetDevice(AdminDevices admin, UserDevices devices) {
    this.admin = admin;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    User user = admin.user(in);
    ObjectNode out = Json.object();
    out.set(
        "Device",
        DeviceView.deviceType(devices.require(user, in.string("DeviceKey"), d -> true), user, ctx));
    return out;
  }
}
