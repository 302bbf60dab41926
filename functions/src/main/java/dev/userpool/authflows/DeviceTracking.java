package dev.userpool.authflows;

import dev.userpool.domain.Device;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.DeviceStore;
import dev.userpool.store.StaleWriteException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The device side of signing in (DG "Working with user devices in your user pool"), for a pool
 * whose DeviceConfiguration is set (device tracking on):
 *
 * <ul>
 *   <li>a sign-in that presents no known device gets a new one: its key ({@code <region>_<uuid>})
 *       and group key in NewDeviceMetadata, stored unconfirmed until ConfirmDevice gives it a
 *       verifier;
 *   <li>a sign-in that presents DEVICE_KEY of a confirmed device of the user proves it with device
 *       SRP (DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER) after the password; a key the user does
 *       not have is ResourceNotFoundException "Device does not exist." (amazon-cognito-identity-js
 *       drops its cached key on a ResourceNotFoundException naming a device and retries without
 *       it).
 * </ul>
 *
 * <p><b>With MFA</b>: {@link #skipsMfa} answers whether this sign-in presented a remembered,
 * confirmed device of the user in a pool with ChallengeRequiredOnNewDevice — the case where Cognito
 * lets device authentication replace the SMS/TOTP/email factor (API reference,
 * DeviceConfigurationType). {@link SignInCompletion#secondFactorThenTokens} asks it before the MFA
 * stage and otherwise offers {@link #challenge} after the second factor.
 */
public final class DeviceTracking {
  static final String DEVICE_SRP_AUTH = "DEVICE_SRP_AUTH";
  private static final String GROUP_KEY_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final int GROUP_KEY_LENGTH = 9; // like the CLI example's "-wt2ha1Zd" (sources §3)

  private final DeviceStore devices;
  private final ChallengeSessions sessions;
  private final SecureRandom random;

  public DeviceTracking(DeviceStore devices, ChallengeSessions sessions, SecureRandom random) {
    this.devices = devices;
    this.sessions = sessions;
    this.random = random;
  }

  /**
   * No device tracking whatever the pool says: for sign-ins that never involve devices (the hosted
   * pages).
   */
  static DeviceTracking off(ChallengeSessions sessions, SecureRandom random) {
    return new DeviceTracking(null, sessions, random);
  }

  private boolean tracks(UserPool pool) {
    return devices != null && enabled(pool);
  }

  /** Device tracking is on when the pool has a DeviceConfiguration. */
  public static boolean enabled(UserPool pool) {
    return configuration(pool) != null;
  }

  /**
   * DeviceOnlyRememberedOnUserPrompt: ConfirmDevice leaves the device not_remembered until the user
   * opts in.
   */
  public static boolean rememberedOnlyOnPrompt(UserPool pool) {
    Map<?, ?> c = configuration(pool);
    return c != null && Boolean.TRUE.equals(c.get("DeviceOnlyRememberedOnUserPrompt"));
  }

  static boolean challengeRequiredOnNewDevice(UserPool pool) {
    Map<?, ?> c = configuration(pool);
    return c != null && Boolean.TRUE.equals(c.get("ChallengeRequiredOnNewDevice"));
  }

  /**
   * The MFA hook (see the class comment): the sign-in presented {@code deviceKey} of a remembered,
   * confirmed device of the user, and the pool lets such a device replace the second factor.
   */
  public boolean skipsMfa(SignInContext ctx, User user, Optional<String> deviceKey) {
    return tracks(ctx.pool())
        && challengeRequiredOnNewDevice(ctx.pool())
        && deviceKey.isPresent()
        && devices
            .find(ctx.pool().id(), user.sub(), deviceKey.get())
            .map(Device::remembered)
            .orElse(false);
  }

  /**
   * DEVICE_SRP_AUTH when the sign-in presents a device of the user (empty when it presents none or
   * tracking is off); ResourceNotFoundException when the key is not one of the user's confirmed
   * devices.
   */
  public Optional<AuthResult.Challenge> challenge(
      SignInContext ctx, User user, Optional<String> deviceKey) {
    if (deviceKey.isEmpty() || !tracks(ctx.pool())) {
      return Optional.empty();
    }
    Device device = requireConfirmed(ctx, user, deviceKey.get());
    String session = sessions.open(ctx, user.sub(), DEVICE_SRP_AUTH, device.deviceKey());
    return Optional.of(new AuthResult.Challenge(DEVICE_SRP_AUTH, Map.of(), session));
  }

  /** A new, unconfirmed device for a sign-in that presented none; null when tracking is off. */
  public AuthResult.NewDevice register(SignInContext ctx, User user) {
    if (!tracks(ctx.pool())) {
      return null;
    }
    String key = ctx.pool().region() + "_" + UUID.randomUUID();
    String groupKey = groupKey();
    devices.create(
        new Device(
            ctx.pool().id(),
            user.sub(),
            key,
            groupKey,
            null,
            null,
            null,
            null,
            ctx.sourceIp(),
            ctx.now(),
            ctx.now(),
            ctx.now(),
            0));
    return new AuthResult.NewDevice(key, groupKey);
  }

  Device requireConfirmed(SignInContext ctx, User user, String deviceKey) {
    return devices
        .find(ctx.pool().id(), user.sub(), deviceKey)
        .filter(Device::confirmed)
        .orElseThrow(DeviceTracking::notFound);
  }

  /** Records a successful device authentication: last authenticated date and IP. */
  Device authenticated(SignInContext ctx, Device device) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return devices.update(device, device.authenticated(ctx.sourceIp(), ctx.now()));
      } catch (StaleWriteException e) {
        device =
            devices
                .find(device.poolId(), device.sub(), device.deviceKey())
                .orElseThrow(DeviceTracking::notFound);
      }
    }
    return device; // three concurrent writers in a row: the sign-in stands, the dates stay as they
    // were
  }

  /**
   * Cognito's answer for a device key the user does not have (wording unconfirmed; ACIJ looks for
   * "device").
   */
  public static CognitoException notFound() {
    return ErrorCode.RESOURCE_NOT_FOUND.exception("Device does not exist.");
  }

  private String groupKey() {
    StringBuilder key = new StringBuilder(GROUP_KEY_LENGTH);
    for (int i = 0; i < GROUP_KEY_LENGTH; i++) {
      key.append(GROUP_KEY_ALPHABET.charAt(random.nextInt(GROUP_KEY_ALPHABET.length())));
    }
    return key.toString();
  }

  private static Map<?, ?> configuration(UserPool pool) {
    Object c = pool.settings() == null ? null : pool.settings().get("DeviceConfiguration");
    return c instanceof Map<?, ?> m ? m : null;
  }
}
