package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Device;
import dev.userpool.domain.User;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.OperationContext;

/**
 * DeviceType as Cognito returns it (CLI examples of get-device and admin-list-devices): DeviceKey,
 * the dates (epoch seconds), and DeviceAttributes device_status (valid), device_name,
 * dev:device_arn, dev:device_owner ({@code <username>.<poolId>}), last_ip_used,
 * dev:device_remembered_status and dev:device_sdk (the SDK is not recorded here, so the placeholder
 * Cognito itself shows for unknown SDKs). Attributes without a value are left out.
 */
final class DeviceView {
  static final String UNKNOWN_SDK = "aws-sdk-unknown-unknown";

  private DeviceView() {}

  static ObjectNode deviceType(Device d, User owner, OperationContext ctx) {
    ObjectNode out = Json.object();
    out.put("DeviceKey", d.deviceKey());
    ArrayNode attributes = out.putArray("DeviceAttributes");
    attribute(attributes, "device_status", "valid");
    attribute(attributes, "device_name", d.name());
    String ownerId = owner.username() + "." + d.poolId();
    String region = d.poolId().substring(0, d.poolId().indexOf('_'));
    attribute(
        attributes,
        "dev:device_arn",
        "arn:aws:cognito-idp:"
            + region
            + ":"
            + ctx.accountId()
            + ":owner/"
            + ownerId
            + "/device/"
            + d.deviceKey());
    attribute(attributes, "dev:device_owner", ownerId);
    attribute(attributes, "last_ip_used", d.lastIp());
    attribute(attributes, "dev:device_remembered_status", d.rememberedStatus());
    attribute(attributes, "dev:device_sdk", UNKNOWN_SDK);
    out.put("DeviceCreateDate", Json.epochSeconds(d.createdAt()));
    out.put("DeviceLastModifiedDate", Json.epochSeconds(d.lastModifiedAt()));
    if (d.lastAuthenticatedAt() != null) {
      out.put("DeviceLastAuthenticatedDate", Json.epochSeconds(d.lastAuthenticatedAt()));
    }
    return out;
  }

  private static void attribute(ArrayNode attributes, String name, String value) {
    if (value != null) {
      attributes.addObject().put("Name", name).put("Value", value);
    }
  }
}
