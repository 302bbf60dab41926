package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito UpdateDeviceStatus: the signed-in user marks a confirmed device remembered or
 * not_remembered (the model validates the value); without DeviceRememberedStatus nothing changes
 * (guessed).
 */
public final class UpdateDeviceStatus implements Operation {
  private final AccessTokens tokens;
  private final UserDevices devices;

  public UpdateDeviceStatus(AccessTokens tokens, UserDevices devices) {
    this.tokens = tokens;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(in.string("AccessToken"));
    String deviceKey = in.string("DeviceKey");
    in.optString("DeviceRememberedStatus")
        .ifPresentOrElse(
            status ->
                devices.update(signedIn.user(), deviceKey, d -> d.withStatus(status, ctx.now())),
            () -> devices.require(signedIn.user(), deviceKey, d -> true));
    return Json.object();
  }
}
