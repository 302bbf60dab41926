package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Device;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito GetDevice: one remembered device of the signed-in user (see {@link UserDevices} for what
 * is visible).
 */
public final class GetDevice implements Operation {
  private final AccessTokens tokens;
  private final UserDevices devices;

  public GetDevice(AccessTokens tokens, UserDevices devices) {
    this.tokens = tokens;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(DeviceAccess.accessToken(in));
    Device device = devices.require(signedIn.user(), in.string("DeviceKey"), Device::remembered);
    ObjectNode out = Json.object();
    out.set("Device", DeviceView.deviceType(device, signedIn.user(), ctx));
    return out;
  }
}
