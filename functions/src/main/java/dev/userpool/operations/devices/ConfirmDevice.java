package dev.userpool.operations.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.DeviceTracking;
import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.Device;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.StaleWriteException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Cognito ConfirmDevice: the signed-in user registers the device a sign-in handed out in
 * NewDeviceMetadata, with the device's SRP salt and verifier (DeviceSecretVerifierConfig, base64 as
 * amazon-cognito-identity-js sends them; stored as hex) and its name. The device becomes
 * remembered, or not_remembered with UserConfirmationNecessary=true when the pool's
 * DeviceOnlyRememberedOnUserPrompt leaves the choice to the user (API reference).
 *
 * <p>Guessed: a key the user was not given is ResourceNotFoundException "Device does not exist."; a
 * device confirmed before is DeviceKeyExistsException (its verifier is never replaced); a missing
 * or malformed verifier config is InvalidParameterException.
 */
public final class ConfirmDevice implements Operation {
  private final AccessTokens tokens;
  private final UserDevices devices;

  public ConfirmDevice(AccessTokens tokens, UserDevices devices) {
    this.tokens = tokens;
    this.devices = devices;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(in.string("AccessToken"));
    String deviceKey = in.string("DeviceKey");
    JsonNode config = in.optNode("DeviceSecretVerifierConfig").orElse(null);
    String saltHex = hex(config, "Salt");
    String verifierHex = hex(config, "PasswordVerifier");
    BigInteger verifier = new BigInteger(verifierHex, 16);
    if (verifier.signum() <= 0 || verifier.compareTo(Srp6a.N) >= 0) {
      throw invalidConfig();
    }
    String name = in.optString("DeviceName").orElse(null);
    boolean onPrompt = DeviceTracking.rememberedOnlyOnPrompt(signedIn.pool());
    String status = onPrompt ? Device.NOT_REMEMBERED : Device.REMEMBERED;
    Device device =
        devices
            .store()
            .find(signedIn.pool().id(), signedIn.user().sub(), deviceKey)
            .orElseThrow(DeviceTracking::notFound);
    if (device.confirmed()) {
      throw ErrorCode.DEVICE_KEY_EXISTS.exception("Device key already exists."); // wording guessed
    }
    try {
      devices
          .store()
          .update(device, device.confirmedWith(saltHex, verifierHex, name, status, ctx.now()));
    } catch (StaleWriteException e) {
      throw ErrorCode.DEVICE_KEY_EXISTS.exception(
          "Device key already exists."); // confirmed concurrently
    }
    ObjectNode out = Json.object();
    out.put("UserConfirmationNecessary", onPrompt);
    return out;
  }

  private static String hex(JsonNode config, String member) {
    JsonNode value = config == null ? null : config.get(member);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw invalidConfig();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(value.asText());
      if (bytes.length == 0 || bytes.length > 1024) {
        throw invalidConfig();
      }
      return HexFormat.of().formatHex(bytes);
    } catch (IllegalArgumentException e) {
      throw invalidConfig();
    }
  }

  private static RuntimeException invalidConfig() {
    return ErrorCode.INVALID_PARAMETER.exception(
        "Invalid device secret verifier config."); // wording guessed
  }
}
