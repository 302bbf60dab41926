package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.DeviceTracking;
import dev.userpool.domain.Device;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.DeviceStore;
import dev.userpool.store.StaleWriteException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A user's devices as the device operations see them. Only confirmed devices exist for them (a key
 * handed out in NewDeviceMetadata but never confirmed is unknown); the user's own GetDevice and
 * ListDevices see only remembered devices, the Admin* ones every confirmed device — as AWS's own
 * integration tests observe (aws-sdk-android, AWSMobileClient testRememberDevice: ListDevices is
 * empty and GetDevice ResourceNotFoundException until the device is remembered, while
 * AdminGetDevice shows it not_remembered).
 */
public final class UserDevices {
  static final int DEFAULT_LIMIT =
      60; // QueryLimitType's maximum (sources §10, unconfirmed as the default)

  private final DeviceStore devices;

  public UserDevices(DeviceStore devices) {
    this.devices = devices;
  }

  DeviceStore store() {
    return devices;
  }

  /**
   * A confirmed device of the user; ResourceNotFoundException "Device does not exist." otherwise.
   */
  Device require(User user, String deviceKey, Predicate<Device> visible) {
    return devices
        .find(user.userPoolId(), user.sub(), deviceKey)
        .filter(Device::confirmed)
        .filter(visible)
        .orElseThrow(DeviceTracking::notFound);
  }

  /**
   * Applies {@code change} to the freshest copy of a confirmed device until the version-checked
   * write holds.
   */
  Device update(User user, String deviceKey, UnaryOperator<Device> change) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Device current = require(user, deviceKey, d -> true);
      try {
        return devices.update(current, change.apply(current));
      } catch (StaleWriteException e) {
        // re-read and apply again
      }
    }
    throw ErrorCode.CONCURRENT_MODIFICATION.exception(
        "The resource was modified concurrently, try again.");
  }

  /**
   * One page of the user's visible devices in device-key order; PaginationToken is the last key of
   * the page.
   */
  ObjectNode page(User user, Input in, OperationContext ctx, Predicate<Device> visible) {
    int limit = in.optInt("Limit").filter(n -> n > 0).orElse(DEFAULT_LIMIT);
    String after = in.optString("PaginationToken").map(UserDevices::keyOf).orElse(null);
    List<Device> all =
        devices.listOf(user.userPoolId(), user.sub()).stream()
            .filter(Device::confirmed)
            .filter(visible)
            .filter(d -> after == null || d.deviceKey().compareTo(after) > 0)
            .toList();
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("Devices");
    all.stream().limit(limit).forEach(d -> list.add(DeviceView.deviceType(d, user, ctx)));
    if (all.size() > limit) {
      out.put("PaginationToken", token(all.get(limit - 1).deviceKey()));
    }
    return out;
  }

  private static String token(String deviceKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(deviceKey.getBytes(StandardCharsets.UTF_8));
  }

  private static String keyOf(String token) {
    try {
      String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (key.indexOf('_') > 0) {
        return key;
      }
    } catch (IllegalArgumentException e) {
      // not one of ours
    }
    throw ErrorCode.INVALID_PARAMETER.exception("Invalid pagination token."); // wording unconfirmed
  }
}
