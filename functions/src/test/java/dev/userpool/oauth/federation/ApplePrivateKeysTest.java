package dev.userpool.oauth.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemDeploymentKeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Apple's private_key is kept sealed for its pool and opens only there. */
class ApplePrivateKeysTest {
  private static final String PEM =
      "-----BEGIN PRIVATE KEY-----\nMIGT...\n-----END PRIVATE KEY-----";
  private final ApplePrivateKeys keys =
      new ApplePrivateKeys(
          new ItemDeploymentKeyStore(EmbeddedItemTable.inMemory(Clock.systemUTC())),
          new SecureRandom());

  @Test
  void whenAppleDetailsAreSealedThenThePemIsNotStoredAndOpensOnlyForItsPool() {
    Map<String, String> given = Map.of("client_id", "c", "private_key", PEM);

    Map<String, String> stored = keys.sealed("SignInWithApple", "us-east-1_A", given);

    String sealed = stored.get("private_key");
    assertTrue(sealed.startsWith("sealed:"), sealed);
    assertFalse(sealed.contains("MIGT"));
    assertEquals("c", stored.get("client_id"));
    assertEquals(Optional.of(PEM), keys.open("us-east-1_A", sealed));
    assertEquals(Optional.empty(), keys.open("us-east-1_B", sealed));
    assertEquals(Optional.empty(), keys.open("us-east-1_A", PEM));
    assertEquals(Optional.empty(), keys.open("us-east-1_A", "sealed:AAAA"));

    // already sealed (an update keeping the stored key): not sealed again
    assertSame(stored, keys.sealed("SignInWithApple", "us-east-1_A", stored));
  }

  @Test
  void whenTheTypeIsNotAppleThenDetailsAreKeptAsGiven() {
    Map<String, String> given = Map.of("client_id", "c", "private_key", PEM);
    assertSame(given, keys.sealed("OIDC", "us-east-1_A", given));
  }
}
