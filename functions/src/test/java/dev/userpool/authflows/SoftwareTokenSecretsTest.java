package dev.userpool.authflows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemDeploymentKeyStore;
import dev.userpool.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** TOTP seeds at rest: sealed, bound to pool and user, tamper-evident. */
class SoftwareTokenSecretsTest {
  private final ItemDeploymentKeyStore keys =
      new ItemDeploymentKeyStore(
          EmbeddedItemTable.inMemory(MutableClock.at("2024-05-01T10:00:00Z")));
  private final SoftwareTokenSecrets secrets = new SoftwareTokenSecrets(keys, new SecureRandom());
  private final byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void whenSealedThenTheStoredValueDoesNotHoldTheSeedAndOpensForItsUser() {
    String sealed = secrets.seal("us-east-1_P", "sub-1", seed);

    assertFalse(
        new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1)
            .contains("1234567890"));
    assertArrayEquals(seed, secrets.open("us-east-1_P", "sub-1", sealed).orElseThrow());
    assertNotEquals(sealed, secrets.seal("us-east-1_P", "sub-1", seed)); // a fresh nonce each time
  }

  @Test
  void whenMovedToAnotherUserOrPoolThenItDoesNotOpen() {
    String sealed = secrets.seal("us-east-1_P", "sub-1", seed);
    assertTrue(secrets.open("us-east-1_P", "sub-2", sealed).isEmpty());
    assertTrue(secrets.open("us-east-1_Q", "sub-1", sealed).isEmpty());
  }

  @Test
  void whenTamperedOrNotSealedThenItDoesNotOpen() {
    byte[] raw = Base64.getDecoder().decode(secrets.seal("us-east-1_P", "sub-1", seed));
    raw[raw.length - 1] ^= 1;
    assertTrue(
        secrets.open("us-east-1_P", "sub-1", Base64.getEncoder().encodeToString(raw)).isEmpty());
    assertTrue(secrets.open("us-east-1_P", "sub-1", "not base64 !").isEmpty());
    assertTrue(secrets.open("us-east-1_P", "sub-1", null).isEmpty());
  }

  @Test
  void whenAnotherContainerOfTheSameDeploymentOpensItThenTheSharedKeyIsUsed() {
    String sealed = secrets.seal("us-east-1_P", "sub-1", seed);
    SoftwareTokenSecrets other = new SoftwareTokenSecrets(keys, new SecureRandom());
    assertArrayEquals(seed, other.open("us-east-1_P", "sub-1", sealed).orElseThrow());
  }
}
