package dev.userpool.operations.devices;

import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;

/**
 * The access token of a device operation whose model leaves AccessToken optional (GetDevice,
 * ForgetDevice).
 */
final class DeviceAccess {
  private DeviceAccess() {}

  /** NotAuthorizedException when absent (Cognito's wording unconfirmed). */
  static String accessToken(Input in) {
    return in.optString("AccessToken")
        .filter(t -> !t.isEmpty())
        .orElseThrow(() -> ErrorCode.NOT_AUTHORIZED.exception("Invalid Access Token"));
  }
}
