package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.Device;
import dev.userpool.store.DeviceStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.ItemTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of the device store on every backend. */
public abstract class DeviceStoreContract {
  private static final String POOL = "us-east-1_Pool00001";
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");

  /** A fresh, empty table. */
  protected abstract ItemTable newTable();

  private DeviceStore devices;

  @BeforeEach
  void store() {
    devices = new ItemDeviceStore(newTable());
  }

  private static Device unconfirmed(String sub, String key) {
    return new Device(
        POOL, sub, key, "-wt2ha1Zd", null, null, null, null, "192.0.2.1", T0, T0, T0, 0);
  }

  @Test
  void whenADeviceIsCreatedThenItIsFoundUnderItsUserOnly() {
    devices.create(unconfirmed("sub-1", "us-east-1_aaaa"));

    Device found = devices.find(POOL, "sub-1", "us-east-1_aaaa").orElseThrow();
    assertEquals("-wt2ha1Zd", found.deviceGroupKey());
    assertEquals("192.0.2.1", found.lastIp());
    assertEquals(T0, found.createdAt());
    assertEquals(T0, found.lastAuthenticatedAt());
    assertFalse(found.confirmed());
    assertTrue(devices.find(POOL, "sub-2", "us-east-1_aaaa").isEmpty());
    assertTrue(devices.find("us-east-1_Pool00002", "sub-1", "us-east-1_aaaa").isEmpty());
  }

  @Test
  void whenConfirmedThenTheVerifierNameAndStatusComeBackAndTheVersionMoves() {
    devices.create(unconfirmed("sub-1", "us-east-1_bbbb"));
    Device before = devices.find(POOL, "sub-1", "us-east-1_bbbb").orElseThrow();

    Instant t1 = T0.plusSeconds(5);
    Device written =
        devices.update(
            before, before.confirmedWith("00ab", "0123cd", "laptop", Device.REMEMBERED, t1));

    Device after = devices.find(POOL, "sub-1", "us-east-1_bbbb").orElseThrow();
    assertEquals(written, after);
    assertEquals("00ab", after.saltHex());
    assertEquals("0123cd", after.verifierHex());
    assertEquals("laptop", after.name());
    assertTrue(after.remembered());
    assertEquals(t1, after.lastModifiedAt());
    assertEquals(before.version() + 1, after.version());
  }

  @Test
  void whenTwoWritersUpdateTheSameVersionThenOneGetsStaleWrite() throws Exception {
    devices.create(unconfirmed("sub-1", "us-east-1_cccc"));
    Device read = devices.find(POOL, "sub-1", "us-east-1_cccc").orElseThrow();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String name = "writer-" + i;
        results.add(
            threads.submit(
                () -> {
                  try {
                    devices.update(
                        read, read.confirmedWith("01", "02", name, Device.REMEMBERED, T0));
                    return true;
                  } catch (StaleWriteException e) {
                    return false;
                  }
                }));
      }
      int won = 0;
      for (Future<Boolean> r : results) {
        won += r.get() ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      threads.shutdownNow();
    }
    assertThrows(
        StaleWriteException.class,
        () -> devices.update(read, read.withStatus(Device.NOT_REMEMBERED, T0)));
  }

  @Test
  void whenAUserHasDevicesThenTheyAreListedInKeyOrderWithoutOtherUsersDevices() {
    for (int i = 0; i < 105; i++) { // more than one query page
      devices.create(unconfirmed("sub-1", String.format("us-east-1_%03d", i)));
    }
    devices.create(unconfirmed("sub-10", "us-east-1_zzz"));

    List<Device> listed = devices.listOf(POOL, "sub-1");
    assertEquals(105, listed.size());
    assertEquals("us-east-1_000", listed.get(0).deviceKey());
    assertEquals("us-east-1_104", listed.get(104).deviceKey());
    assertEquals(1, devices.listOf(POOL, "sub-10").size());
  }

  @Test
  void whenDeletedThenGoneAndASecondDeleteSaysSo() {
    devices.create(unconfirmed("sub-1", "us-east-1_dddd"));

    assertTrue(devices.delete(POOL, "sub-1", "us-east-1_dddd"));
    assertFalse(devices.delete(POOL, "sub-1", "us-east-1_dddd"));
    assertTrue(devices.find(POOL, "sub-1", "us-east-1_dddd").isEmpty());
  }
}
