package dev.userpool.domain;

import java.time.Instant;

/**
 * A device Cognito tracks for a user (DG "Working with user devices in your user pool"). It is
 * created, unconfirmed, when a sign-in hands out its key in NewDeviceMetadata; ConfirmDevice gives
 * it the device's SRP salt and verifier (hex; the device's secret itself is never seen) and its
 * name, and makes it remembered or not_remembered. {@code lastIp} and {@code lastAuthenticatedAt}
 * follow the sign-ins made with it.
 */
public record Device(
    String poolId,
    String sub,
    String deviceKey,
    String deviceGroupKey,
    String saltHex,
    String verifierHex,
    String name,
    String rememberedStatus,
    String lastIp,
    Instant createdAt,
    Instant lastModifiedAt,
    Instant lastAuthenticatedAt,
    long version) {

  public static final String REMEMBERED = "remembered";
  public static final String NOT_REMEMBERED = "not_remembered";

  /** ConfirmDevice has stored its verifier: the device can authenticate with device SRP. */
  public boolean confirmed() {
    return verifierHex != null;
  }

  public boolean remembered() {
    return confirmed() && REMEMBERED.equals(rememberedStatus);
  }

  public Device confirmedWith(
      String newSaltHex, String newVerifierHex, String newName, String status, Instant now) {
    return new Device(
        poolId,
        sub,
        deviceKey,
        deviceGroupKey,
        newSaltHex,
        newVerifierHex,
        newName,
        status,
        lastIp,
        createdAt,
        now,
        lastAuthenticatedAt,
        version);
  }

  public Device withStatus(String status, Instant now) {
    return new Device(
        poolId,
        sub,
        deviceKey,
        deviceGroupKey,
        saltHex,
        verifierHex,
        name,
        status,
        lastIp,
        createdAt,
        now,
        lastAuthenticatedAt,
        version);
  }

  public Device authenticated(String ip, Instant now) {
    return new Device(
        poolId,
        sub,
        deviceKey,
        deviceGroupKey,
        saltHex,
        verifierHex,
        name,
        rememberedStatus,
        ip != null ? ip : lastIp,
        createdAt,
        lastModifiedAt,
        now,
        version);
  }

  @Override
  public String toString() {
    return "Device[poolId="
        + poolId
        + ", deviceKey="
        + deviceKey
        + ", status="
        + rememberedStatus
        + "]";
  }
}
