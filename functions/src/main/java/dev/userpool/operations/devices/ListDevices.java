package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.Device;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito ListDevices: the signed-in user's remembered devices, Limit and PaginationToken. */
public final class ListDevices implements Operation {
  private final AccessTokens tokens;
  private final UserDevices devices;

  public ListDevices(AccessTokens tokens, UserDevices devices) {
    this.tokens = tokens;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(in.string("AccessToken"));
    return devices.page(signedIn.user(), in, ctx, Device::remembered);
  }
}
