package dev.userpool.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void whenPoolIdMadeThenRegionUnderscoreAndNineAlphanumerics() {
    for (int i = 0; i < 100; i++) {
      String id = Identifiers.userPoolId("eu-west-1", RANDOM);
      assertTrue(id.matches("eu-west-1_[0-9A-Za-z]{9}"), id);
      // the pattern aws-jwt-verify accepts
      assertTrue(id.matches("^(eusc-[a-z]{2}|[a-z]{2})-(gov-)?[a-z]+-\\d_[a-zA-Z0-9]+$"), id);
    }
  }

  @Test
  void whenClientIdMadeThen26LowerCaseBase32HexCharacters() {
    for (int i = 0; i < 100; i++) {
      String id = Identifiers.clientId(RANDOM);
      assertTrue(id.matches("[0-9a-v]{26}"), id);
    }
  }

  @Test
  void whenClientSecretMadeThen52LowerCaseBase32HexCharacters() {
    for (int i = 0; i < 100; i++) {
      String secret = Identifiers.clientSecret(RANDOM);
      assertTrue(secret.matches("[0-9a-v]{52}"), secret);
    }
  }

  @Test
  void whenBase32HexEncodedThenMatchesRfc4648Vectors() {
    // RFC 4648 §10, lower-cased, padding removed
    assertEquals("", Identifiers.base32Hex(ascii("")));
    assertEquals("co", Identifiers.base32Hex(ascii("f")));
    assertEquals("cpng", Identifiers.base32Hex(ascii("fo")));
    assertEquals("cpnmu", Identifiers.base32Hex(ascii("foo")));
    assertEquals("cpnmuog", Identifiers.base32Hex(ascii("foob")));
    assertEquals("cpnmuoj1", Identifiers.base32Hex(ascii("fooba")));
    assertEquals("cpnmuoj1e8", Identifiers.base32Hex(ascii("foobar")));
  }

  @Test
  void whenSubMadeThenLowerCaseVersion4Uuid() {
    for (int i = 0; i < 100; i++) {
      String sub = Identifiers.sub(RANDOM);
      assertTrue(
          sub.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), sub);
      UUID uuid = UUID.fromString(sub);
      assertEquals(4, uuid.version());
      assertEquals(2, uuid.variant());
    }
  }

  @Test
  void whenRequestIdMadeThenUuid() {
    assertEquals(36, Identifiers.requestId().length());
    UUID.fromString(Identifiers.requestId());
  }

  @Test
  void whenMadeRepeatedlyThenDistinct() {
    assertDistinct(() -> Identifiers.userPoolId("us-east-1", RANDOM));
    assertDistinct(() -> Identifiers.clientId(RANDOM));
    assertDistinct(() -> Identifiers.clientSecret(RANDOM));
    assertDistinct(() -> Identifiers.sub(RANDOM));
  }

  private static void assertDistinct(Supplier<String> ids) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(ids.get());
    }
    assertEquals(1000, seen.size());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
