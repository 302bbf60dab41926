package dev.userpool.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.PasswordVerifier;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Checks against the verified test vector of sources §7.4 (reproduces ACIJ's
 * getPasswordAuthenticationKey).
 */
class Srp6aTest {
  private static final String POOL = "AbCdEfGhI";
  private static final String USER = "alice";
  private static final String PASSWORD = "P@ssw0rd!";
  private static final String SALT = "8f3a2b1c4d5e6f708192a3b4c5d6e7f8";
  private static final BigInteger A_PRIVATE = repeated(0x11);
  private static final BigInteger B_PRIVATE = repeated(0x22);
  private static final String SECRET_BLOCK = "c2VjcmV0LWJsb2NrLWJ5dGVzLTAxMjM0NTY3ODk=";
  private static final String TIMESTAMP = "Tue Jan 2 03:04:05 UTC 2024";
  private static final HexFormat HEX = HexFormat.of();
  private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

  @Test
  void whenMultiplierComputedThenMatchesFacts() {
    assertEquals(
        "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6", Srp6a.K.toString(16));
    assertEquals(3072, Srp6a.N.bitLength());
  }

  @Test
  void whenPadHexThenLikeAcij() {
    assertEquals("008f3a2b1c4d5e6f708192a3b4c5d6e7f8", Srp6a.padHex(new BigInteger(SALT, 16)));
    assertEquals("0f", Srp6a.padHex(BigInteger.valueOf(15)));
    assertEquals("7f", Srp6a.padHex(BigInteger.valueOf(127)));
    assertEquals("0080", Srp6a.padHex(BigInteger.valueOf(128)));
    assertEquals("0100", Srp6a.padHex(BigInteger.valueOf(256)));
    assertEquals("00", Srp6a.padHex(BigInteger.ZERO));
  }

  @Test
  void whenIdentityHashedThenMatchesVector() throws Exception {
    byte[] identity =
        MessageDigest.getInstance("SHA-256")
            .digest((POOL + USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "dd7463e069262c5865d457b28f26e853b99521ea848c7e9fa077627dd4898130",
        HEX.formatHex(identity));
  }

  @Test
  void whenXComputedThenMatchesVector() {
    assertEquals(
        "b013678f6f5e40becd3b82f9bc5ceeaa71e5c1ea6f7089bed3b63c90cb2c272a",
        Srp6a.computeX(POOL, USER, PASSWORD, SALT).toString(16));
  }

  @Test
  void whenHandshakeRunWithVectorKeysThenUKeyAndSignatureMatch() {
    String v = Srp6a.padHex(Srp6a.verifier(POOL, USER, PASSWORD, SALT));
    Srp6a.ServerSession server = Srp6a.ServerSession.restore(v, B_PRIVATE.toString(16));
    BigInteger clientA = Srp6a.G.modPow(A_PRIVATE, Srp6a.N);
    String srpA = clientA.toString(16); // as ACIJ sends it: no padding

    assertEquals(768, srpA.length());
    assertTrue(srpA.startsWith("f2c4e7407ccfac452a7c7e1034e8388b"));
    assertTrue(server.publicKeyHex().startsWith("e7d00735196e9fa6f74b4a8ad1b996a6"));
    BigInteger u = Srp6a.computeU(clientA, server.publicKey());
    assertEquals(
        "5095bbfe611d58a4665f715fe7040b42204012db52a4d8c66e2e4fbb6e605d20", u.toString(16));

    byte[] serverKey = server.passwordAuthenticationKey(srpA);
    assertEquals("7076c09044eecdeead29da4795206a5a", HEX.formatHex(serverKey));
    assertArrayEquals(clientKey(server.publicKey(), clientA), serverKey);

    String signature =
        Srp6a.expectedSignature(
            serverKey, POOL, USER, Base64.getDecoder().decode(SECRET_BLOCK), TIMESTAMP);
    assertEquals("R6GL8nFMhQH93in80OTUFJ+DBDY98KeQ1c6SlHWSzQk=", signature);
  }

  @Test
  void whenClientAndServerUseRandomKeysThenSharedSecretsAgree() {
    SecureRandom random = new SecureRandom();
    PasswordVerifier stored = Srp6a.createVerifier(POOL, USER, PASSWORD, random, NOW, null);
    Srp6a.ServerSession server = Srp6a.ServerSession.start(stored.verifierHex(), random);
    BigInteger a = new BigInteger(1, bytes(random, 128));
    BigInteger clientA = Srp6a.G.modPow(a, Srp6a.N);

    byte[] clientKey = clientKey(server.publicKey(), clientA, a, stored.saltHex());

    assertArrayEquals(clientKey, server.passwordAuthenticationKey(clientA.toString(16)));
    Srp6a.ServerSession restored =
        Srp6a.ServerSession.restore(stored.verifierHex(), server.privateKeyHex());
    assertEquals(server.publicKey(), restored.publicKey());
  }

  @Test
  void whenVerifierCreatedThenSaltIs32HexDigitsAndPasswordMatches() {
    PasswordVerifier stored =
        Srp6a.createVerifier(POOL, USER, PASSWORD, new SecureRandom(), NOW, NOW.plusSeconds(60));
    assertTrue(stored.saltHex().matches("[0-9a-f]{32}"));
    assertTrue(stored.verifierHex().matches("[0-9a-f]+"));
    assertEquals(NOW, stored.setAt());
    assertEquals(NOW.plusSeconds(60), stored.temporaryUntil());
    assertTrue(Srp6a.matches(stored, POOL, USER, PASSWORD));
  }

  @Test
  void whenPasswordPoolOrUserDiffersThenNoMatch() {
    PasswordVerifier stored =
        Srp6a.createVerifier(POOL, USER, PASSWORD, new SecureRandom(), NOW, null);
    assertFalse(Srp6a.matches(stored, POOL, USER, "P@ssw0rd?"));
    assertFalse(Srp6a.matches(stored, "OtherPool", USER, PASSWORD));
    assertFalse(Srp6a.matches(stored, POOL, "bob", PASSWORD));
    assertFalse(Srp6a.matches(stored, POOL, USER, null));
    assertFalse(Srp6a.matches(null, POOL, USER, PASSWORD));
  }

  @Test
  void whenStoredVerifierIsVectorThenMatchesIgnoringHexCase() {
    String v =
        Srp6a.padHex(Srp6a.verifier(POOL, USER, PASSWORD, SALT)).toUpperCase(java.util.Locale.ROOT);
    assertTrue(Srp6a.matches(new PasswordVerifier(SALT, v, NOW, null), POOL, USER, PASSWORD));
  }

  @Test
  void whenSaltsDifferThenVerifiersDiffer() {
    SecureRandom random = new SecureRandom();
    PasswordVerifier one = Srp6a.createVerifier(POOL, USER, PASSWORD, random, NOW, null);
    PasswordVerifier two = Srp6a.createVerifier(POOL, USER, PASSWORD, random, NOW, null);
    assertNotEquals(one.saltHex(), two.saltHex());
    assertNotEquals(one.verifierHex(), two.verifierHex());
  }

  @Test
  void whenClientAIsZeroModNThenInvalidParameter() {
    Srp6a.ServerSession server = vectorServer();
    for (String bad :
        new String[] {"0", "00", Srp6a.N.toString(16), Srp6a.N.shiftLeft(1).toString(16)}) {
      CognitoException e =
          assertThrows(CognitoException.class, () -> server.passwordAuthenticationKey(bad));
      assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
    }
  }

  @Test
  void whenClientAIsNotHexThenInvalidParameter() {
    Srp6a.ServerSession server = vectorServer();
    for (String bad : new String[] {"", "-1f", "+1f", "xyz", "\u0663", "f".repeat(1025)}) {
      CognitoException e =
          assertThrows(CognitoException.class, () -> server.passwordAuthenticationKey(bad));
      assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
    }
    assertThrows(CognitoException.class, () -> server.passwordAuthenticationKey(null));
  }

  private static Srp6a.ServerSession vectorServer() {
    String v = Srp6a.padHex(Srp6a.verifier(POOL, USER, PASSWORD, SALT));
    return Srp6a.ServerSession.restore(v, B_PRIVATE.toString(16));
  }

  private static byte[] clientKey(BigInteger serverB, BigInteger clientA) {
    return clientKey(serverB, clientA, A_PRIVATE, SALT);
  }

  /** The client side as ACIJ computes it: S = (B − k·g^x)^(a + u·x) mod N, then the same HKDF. */
  private static byte[] clientKey(
      BigInteger serverB, BigInteger clientA, BigInteger a, String saltHex) {
    BigInteger u = Srp6a.computeU(clientA, serverB);
    BigInteger x = Srp6a.computeX(POOL, USER, PASSWORD, saltHex);
    BigInteger base = serverB.subtract(Srp6a.K.multiply(Srp6a.G.modPow(x, Srp6a.N))).mod(Srp6a.N);
    BigInteger s = base.modPow(a.add(u.multiply(x)), Srp6a.N);
    return Srp6a.derivedKey(u, s);
  }

  private static BigInteger repeated(int b) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) b);
    return new BigInteger(1, bytes);
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }
}
