package dev.userpool.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.userpool.protocol.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class VerifiedSignaturesTest {
  private final VerifiedSignatures signatures = new VerifiedSignatures();

  private static RSAPublicKey newKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return (RSAPublicKey) generator.generateKeyPair().getPublic();
  }

  private static VerifiedSignatures.Held held(RSAPublicKey key) {
    return new VerifiedSignatures.Held(key, "us-east-1_abc", "kid1", Json.object().put("a", 1));
  }

  @Test
  void whenATokenIsRememberedThenItIsFoundByItsDigestOnly() throws Exception {
    RSAPublicKey key = newKey();
    signatures.remember(VerifiedSignatures.digest("a.b.c"), held(key));
    assertEquals(key, signatures.find(VerifiedSignatures.digest("a.b.c")).key());
    assertNull(signatures.find(VerifiedSignatures.digest("a.b.d")));
  }

  @Test
  void digestsAreSha256OfTheTokenNotTheTokenItself() throws Exception {
    ByteBuffer digest = VerifiedSignatures.digest("a.b.c");
    assertEquals(32, digest.remaining());
    assertEquals(
        ByteBuffer.wrap(
            MessageDigest.getInstance("SHA-256")
                .digest("a.b.c".getBytes(StandardCharsets.US_ASCII))),
        digest);
  }

  @Test
  void whenFullThenItStartsOverInsteadOfGrowing() throws Exception {
    RSAPublicKey key = newKey();
    for (int i = 0; i <= VerifiedSignatures.CAPACITY; i++) {
      signatures.remember(VerifiedSignatures.digest("token" + i), held(key));
    }
    assertNull(signatures.find(VerifiedSignatures.digest("token0"))); // forgotten at the start-over
    assertNotNull(
        signatures.find(VerifiedSignatures.digest("token" + VerifiedSignatures.CAPACITY)));
  }
}
