package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.DeviceTracking;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito ForgetDevice: the signed-in user's device is deleted; its next sign-in is a new device. A
 * key the user does not have (or forgot before) is ResourceNotFoundException.
 */
public final class ForgetDevice implements Operation {
  private final AccessTokens tokens;
  private final UserDevices devices;

  public ForgetDevice(AccessTokens tokens, UserDevices devices) {
    this.tokens = tokens;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(DeviceAccess.accessToken(in));
    String deviceKey = in.string("DeviceKey");
    devices.require(signedIn.user(), deviceKey, d -> true);
    if (!devices.store().delete(signedIn.pool().id(), signedIn.user().sub(), deviceKey)) {
      throw DeviceTracking.notFound();
    }
    return Json.object();
  }
}
