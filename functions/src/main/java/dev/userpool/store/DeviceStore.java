package dev.userpool.store;

import dev.userpool.domain.Device;
import java.util.List;
import java.util.Optional;

/** A user's devices, by pool, user (sub) and device key. Updates are version-checked. */
public interface DeviceStore {
  void create(Device device);

  Optional<Device> find(String poolId, String sub, String deviceKey);

  /** All the user's devices in device-key order (Cognito users have few; operations page them). */
  List<Device> listOf(String poolId, String sub);

  /**
   * Writes {@code after} if {@code before} is still what is stored; otherwise {@link
   * StaleWriteException}.
   */
  Device update(Device before, Device after);

  /** Removes the device; false if there was none. */
  boolean delete(String poolId, String sub, String deviceKey);
}
