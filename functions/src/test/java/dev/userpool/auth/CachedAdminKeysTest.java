package dev.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachedAdminKeysTest {
  private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
  private final AtomicInteger loads = new AtomicInteger();
  private final AtomicReference<Map<String, String>> secret =
      new AtomicReference<>(Map.of("OLD", "s1"));
  private final CachedAdminKeys keys =
      new CachedAdminKeys(
          () -> {
            loads.incrementAndGet();
            return secret.get();
          },
          clock,
          Duration.ofMinutes(5));

  @Test
  void whenConstructedThenNothingIsLoaded() {
    assertEquals(0, loads.get()); // SnapStart: no secret in the snapshot
  }

  @Test
  void whenUsedWithinTtlThenLoadedOnce() {
    assertEquals(Optional.of("s1"), keys.secretFor("OLD"));
    clock.advance(Duration.ofMinutes(4));
    assertEquals(Optional.of("s1"), keys.secretFor("OLD"));
    assertEquals(1, loads.get());
  }

  @Test
  void whenTtlHasPassedThenRotationTakesEffect() {
    keys.secretFor("OLD");
    secret.set(Map.of("NEW", "s2"));
    clock.advance(Duration.ofMinutes(5));
    assertEquals(Optional.empty(), keys.secretFor("OLD"));
    assertEquals(Optional.of("s2"), keys.secretFor("NEW"));
  }

  @Test
  void whenKeyIsUnknownThenReloadedAtMostEveryThirtySeconds() {
    keys.secretFor("OLD");
    secret.set(Map.of("NEW", "s2"));
    assertEquals(Optional.empty(), keys.secretFor("NEW"));
    assertEquals(Optional.empty(), keys.secretFor("NEW"));
    assertEquals(1, loads.get());
    clock.advance(Duration.ofSeconds(30));
    assertEquals(Optional.of("s2"), keys.secretFor("NEW"));
    assertEquals(2, loads.get());
  }

  @Test
  void whenLoadFailsThenFailureIsNotCached() {
    CachedAdminKeys failing =
        new CachedAdminKeys(
            () -> {
              if (loads.incrementAndGet() == 1) {
                throw new IllegalStateException("Secrets Manager unavailable");
              }
              return Map.of("K", "s");
            },
            clock,
            Duration.ofMinutes(5));
    assertThrows(IllegalStateException.class, () -> failing.secretFor("K"));
    assertEquals(Optional.of("s"), failing.secretFor("K"));
  }

  @Test
  void whenSecretHasTheStacksShapeThenParsed() {
    assertEquals(
        Map.of("UPADMIN0123456789ab", "abc"),
        AdminKeySecret.parse(
            "{\"accessKeyId\":\"UPADMIN0123456789ab\",\"secretAccessKey\":\"abc\"}"));
    assertThrows(
        IllegalStateException.class, () -> AdminKeySecret.parse("{\"accessKeyId\":\"X\"}"));
    assertThrows(IllegalStateException.class, () -> AdminKeySecret.parse("not json"));
  }
}
