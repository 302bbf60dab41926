package dev.userpool.operations.clients;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenValidityTest {
  private static Map<String, Object> settings(
      String member, int value, String unitKey, String unit) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(member, value);
    s.put("TokenValidityUnits", unit == null ? Map.of() : Map.of(unitKey, unit));
    return s;
  }

  @Test
  void whenNoValiditiesThenOneHourOneHourThirtyDays() {
    Map<String, Object> s = Map.of("RefreshTokenValidity", 30, "TokenValidityUnits", Map.of());
    assertEquals(Duration.ofHours(1), TokenValidity.idToken(s));
    assertEquals(Duration.ofHours(1), TokenValidity.accessToken(s));
    assertEquals(Duration.ofDays(30), TokenValidity.refreshToken(s));
  }

  @Test
  void whenUnitsGivenThenValuesAreReadInThem() {
    assertEquals(
        Duration.ofMinutes(90),
        TokenValidity.accessToken(settings("AccessTokenValidity", 90, "AccessToken", "minutes")));
    assertEquals(
        Duration.ofHours(12),
        TokenValidity.refreshToken(settings("RefreshTokenValidity", 12, "RefreshToken", "hours")));
  }

  @Test
  void whenAccessTokenExactlyFiveMinutesOrOneDayThenAccepted() {
    assertDoesNotThrow(
        () -> TokenValidity.check(settings("AccessTokenValidity", 300, "AccessToken", "seconds")));
    assertDoesNotThrow(
        () -> TokenValidity.check(settings("AccessTokenValidity", 24, "AccessToken", null)));
    assertDoesNotThrow(
        () -> TokenValidity.check(settings("IdTokenValidity", 1, "IdToken", "days")));
  }

  @Test
  void whenAccessTokenJustOutsideBoundsThenInvalidParameter() {
    assertInvalid(settings("AccessTokenValidity", 299, "AccessToken", "seconds"));
    assertInvalid(settings("AccessTokenValidity", 25, "AccessToken", null)); // hours by default
    assertInvalid(settings("IdTokenValidity", 2, "IdToken", "days"));
  }

  @Test
  void whenRefreshTokenBelowOneHourOrAboveTenYearsThenInvalidParameter() {
    assertInvalid(settings("RefreshTokenValidity", 59, "RefreshToken", "minutes"));
    assertInvalid(settings("RefreshTokenValidity", 3651, "RefreshToken", null)); // days by default
    assertDoesNotThrow(
        () -> TokenValidity.check(settings("RefreshTokenValidity", 60, "RefreshToken", "minutes")));
    assertDoesNotThrow(
        () -> TokenValidity.check(settings("RefreshTokenValidity", 3650, "RefreshToken", null)));
  }

  private static void assertInvalid(Map<String, Object> s) {
    CognitoException e = assertThrows(CognitoException.class, () -> TokenValidity.check(s));
    assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
  }
}
