package dev.userpool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-user quotas read from the function environment (the CDK context keys and SAM parameters
 * set them).
 */
class LimitsConfigTest {
  @Test
  void whenNothingIsSetThenCognitosValues() {
    assertEquals(new Limits(5, 15, 5, 5, 5), AppConfig.fromMap(Map.of()).limits());
    assertEquals(
        Limits.COGNITO,
        AppConfig.fromMap(Map.of("USERPOOL_CODES_PER_HOUR", "")).limits(),
        "an unset SAM parameter arrives as the empty string");
  }

  @Test
  void whenEachVariableIsSetThenItsLimitChanges() {
    Limits limits =
        AppConfig.fromMap(
                Map.of(
                    "USERPOOL_CODES_PER_HOUR", "0",
                    "USERPOOL_CODE_ATTEMPTS", "30",
                    "USERPOOL_FORGOT_PASSWORD_ATTEMPTS", "20",
                    "USERPOOL_SIGN_IN_ATTEMPTS", "10",
                    "USERPOOL_PASSWORD_CHANGE_ATTEMPTS", "7"))
            .limits();
    assertEquals(new Limits(0, 30, 20, 10, 7), limits);
  }

  @Test
  void whenAValueIsNotAWholeNumberThenStartFailsNamingTheVariable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AppConfig.fromMap(Map.of("USERPOOL_CODES_PER_HOUR", "many")));
    assertTrue(e.getMessage().contains("USERPOOL_CODES_PER_HOUR"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> AppConfig.fromMap(Map.of("USERPOOL_CODE_ATTEMPTS", "-1")));
  }

  @Test
  void zeroMeansUnlimited() {
    assertFalse(Limits.reached(1_000_000, 0));
    assertFalse(Limits.reached(4, 5));
    assertTrue(Limits.reached(5, 5));
  }
}
