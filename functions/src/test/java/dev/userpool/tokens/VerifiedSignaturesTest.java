package dev.userpool.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class VerifiedSignaturesTest {
  private final VerifiedSignatures signatures = new VerifiedSignatures();

  private static RSAPublicKey newKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return (RSAPublicKey) generator.generateKeyPair().getPublic();
  }

  @Test
  void whenATokenHeldUnderOneKeyThenUnderAnotherKeyItIsCheckedAgain() throws Exception {
    RSAPublicKey first = newKey();
    RSAPublicKey second = newKey();
    assertTrue(signatures.holds("a.b.c", first, () -> true));
    assertTrue(signatures.holds("a.b.c", first, () -> false)); // remembered: not checked
    assertFalse(signatures.holds("a.b.c", second, () -> false)); // other key: checked
    assertEquals(2, signatures.rsaChecks());
  }

  @Test
  void whenACheckFailsThenNothingIsRememberedForTheToken() throws Exception {
    RSAPublicKey key = newKey();
    assertFalse(signatures.holds("a.b.c", key, () -> false));
    assertTrue(signatures.holds("a.b.c", key, () -> true));
    assertEquals(2, signatures.rsaChecks());
  }

  @Test
  void whenFullThenItStartsOverInsteadOfGrowing() throws Exception {
    RSAPublicKey key = newKey();
    for (int i = 0; i <= VerifiedSignatures.CAPACITY; i++) {
      signatures.holds("token" + i, key, () -> true);
    }
    long checks = signatures.rsaChecks();
    signatures.holds("token0", key, () -> true); // forgotten when the map started over
    assertEquals(checks + 1, signatures.rsaChecks());
  }
}
