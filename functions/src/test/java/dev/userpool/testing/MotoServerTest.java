package dev.userpool.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * How the build's {@code -Dmoto.port} reaches the tests: absent or empty means each JVM picks a
 * free port.
 */
class MotoServerTest {
  @Test
  void noPortGivenMeansAFreePortIsPicked() {
    assertNull(MotoServer.configuredPort(null));
    assertNull(MotoServer.configuredPort(""));
    assertNull(MotoServer.configuredPort("  "));
    assertNull(MotoServer.configuredPort("${moto.port}"));
  }

  @Test
  void aGivenPortIsUsed() {
    assertEquals(5202, MotoServer.configuredPort("5202"));
    assertEquals(5202, MotoServer.configuredPort(" 5202 "));
  }

  @Test
  void aPortThatIsNotANumberIsRefusedWithTheOptionsName() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> MotoServer.configuredPort("abc"));
    assertEquals("-Dmoto.port must be a port number, not 'abc'", e.getMessage());
  }
}
