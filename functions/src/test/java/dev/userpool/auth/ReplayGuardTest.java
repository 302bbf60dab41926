package dev.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void whenSignatureSeenWithinItsWindowThenRefused() {
    ReplayGuard guard = new ReplayGuard(10);
    assertTrue(guard.firstUse("sig", T0.plusSeconds(300), T0));
    assertFalse(guard.firstUse("sig", T0.plusSeconds(300), T0.plusSeconds(299)));
  }

  @Test
  void whenWindowHasPassedThenAcceptedAgain() {
    ReplayGuard guard = new ReplayGuard(10);
    guard.firstUse("sig", T0.plusSeconds(300), T0);
    assertTrue(guard.firstUse("sig", T0.plusSeconds(700), T0.plusSeconds(300)));
  }

  @Test
  void whenFullThenExpiredEntriesGoFirstAndThenTheOldest() {
    ReplayGuard guard = new ReplayGuard(3);
    guard.firstUse("old", T0.plusSeconds(10), T0);
    guard.firstUse("a", T0.plusSeconds(300), T0);
    guard.firstUse("b", T0.plusSeconds(300), T0);
    guard.firstUse(
        "c", T0.plusSeconds(400), T0.plusSeconds(20)); // "old" has expired and makes room
    assertEquals(3, guard.size());
    assertFalse(guard.firstUse("a", T0.plusSeconds(300), T0.plusSeconds(21)));
    guard.firstUse(
        "d", T0.plusSeconds(400), T0.plusSeconds(21)); // nothing expired: "a", the oldest, goes
    assertEquals(3, guard.size());
    assertTrue(guard.firstUse("a", T0.plusSeconds(300), T0.plusSeconds(22)));
  }
}
