package dev.userpool.oauth.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ES256 client secret for Apple's token endpoint, checked with the key pair's public half. */
class AppleClientSecretTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  private static KeyPair keyPair(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  /** The key as Apple's .p8 download holds it. */
  static String p8(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void whenSecretIsCreatedThenItIsAnEs256JwtWithApplesClaimsSignedByThePrivateKey()
      throws Exception {
    KeyPair pair = keyPair("secp256r1");

    String secret =
        AppleClientSecret.create("TEAM123456", "com.example.web", "KEY1234567", p8(pair), NOW);

    SignedJWT jwt = SignedJWT.parse(secret);
    assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
    assertEquals("KEY1234567", jwt.getHeader().getKeyID());
    assertNull(jwt.getHeader().getType());
    assertTrue(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())));
    assertEquals("TEAM123456", jwt.getJWTClaimsSet().getIssuer());
    assertEquals("com.example.web", jwt.getJWTClaimsSet().getSubject());
    assertEquals(List.of("https://appleid.apple.com"), jwt.getJWTClaimsSet().getAudience());
    assertEquals(NOW, jwt.getJWTClaimsSet().getIssueTime().toInstant());
    assertEquals(
        NOW.plus(AppleClientSecret.LIFETIME),
        jwt.getJWTClaimsSet().getExpirationTime().toInstant());
    assertEquals(
        java.util.Set.of("iss", "sub", "aud", "iat", "exp"),
        jwt.getJWTClaimsSet().getClaims().keySet());

    // another key pair's public key does not verify it
    assertFalse(jwt.verify(new ECDSAVerifier((ECPublicKey) keyPair("secp256r1").getPublic())));
  }

  @Test
  void whenKeyIsPastedWithoutPemLinesOrWithEscapedNewlinesThenItStillSigns() throws Exception {
    KeyPair pair = keyPair("secp256r1");
    String bare = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    String escaped = p8(pair).replace("\n", "\\n");

    for (String pem : List.of(bare, escaped)) {
      SignedJWT jwt = SignedJWT.parse(AppleClientSecret.create("T", "c", "K", pem, NOW));
      assertTrue(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())));
    }
  }

  @Test
  void whenKeyIsNotAP256Pkcs8KeyThenInvalidPrivateKey() throws Exception {
    assertThrows(
        AppleClientSecret.InvalidPrivateKey.class,
        () -> AppleClientSecret.create("T", "c", "K", "1EXAMPLE", NOW));
    assertThrows(
        AppleClientSecret.InvalidPrivateKey.class,
        () -> AppleClientSecret.create("T", "c", "K", "-----BEGIN PRIVATE KEY-----", NOW));
    assertThrows(
        AppleClientSecret.InvalidPrivateKey.class,
        () -> AppleClientSecret.create("T", "c", "K", p8(keyPair("secp384r1")), NOW));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    assertThrows(
        AppleClientSecret.InvalidPrivateKey.class,
        () -> AppleClientSecret.create("T", "c", "K", p8(rsa.generateKeyPair()), NOW));
  }

  @Test
  void whenAppleSendsTheUserFieldThenItsNameBecomesProviderAttributes() {
    assertEquals(
        Map.of("firstName", "Jane", "lastName", "Doe", "name", "Jane Doe"),
        AppleUserField.attributes(
            "{\"name\":{\"firstName\":\"Jane\",\"lastName\":\"Doe\"},\"email\":\"j@x.example\"}"));
    assertEquals(
        Map.of("firstName", "Jane", "name", "Jane"),
        AppleUserField.attributes("{\"name\":{\"firstName\":\"Jane\"}}"));
    assertEquals(Map.of(), AppleUserField.attributes("{\"email\":\"j@x.example\"}"));
    assertEquals(Map.of(), AppleUserField.attributes("not json"));
    assertEquals(Map.of(), AppleUserField.attributes(null));
  }
}
