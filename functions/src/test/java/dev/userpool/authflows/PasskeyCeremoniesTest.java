package dev.userpool.authflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.errors.CognitoException;
import dev.userpool.protocol.Json;
import dev.userpool.testing.SoftwareAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WebAuthn ceremonies against a software authenticator that signs honestly. */
class PasskeyCeremoniesTest {
  private static final RelyingParty RP = new RelyingParty("example.com", false);
  private static final byte[] HANDLE = "sub-1".getBytes(StandardCharsets.UTF_8);

  private final PasskeyCeremonies ceremonies = new PasskeyCeremonies();
  private final SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

  private static byte[] challenge() {
    byte[] c = new byte[32];
    new SecureRandom().nextBytes(c);
    return c;
  }

  private static ObjectNode creationOptions(byte[] challenge, String rpId) {
    ObjectNode o = Json.object();
    o.put("challenge", PasskeyCeremonies.base64Url(challenge));
    o.putObject("rp").put("id", rpId);
    return o;
  }

  private static ObjectNode requestOptions(byte[] challenge, String rpId) {
    ObjectNode o = Json.object();
    o.put("challenge", PasskeyCeremonies.base64Url(challenge));
    o.put("rpId", rpId);
    return o;
  }

  private PasskeyCeremonies.Registered register(RelyingParty rp, String origin, String fmt) {
    byte[] challenge = challenge();
    ObjectNode response =
        authenticator.register(creationOptions(challenge, rp.id()), origin, rp.id(), fmt);
    PasskeyCeremonies.Registration parsed = ceremonies.parseRegistration(response.toString());
    assertEquals(
        PasskeyCeremonies.base64Url(challenge), PasskeyCeremonies.base64Url(parsed.challenge()));
    return ceremonies.verifyRegistration(parsed, challenge, rp);
  }

  private long signIn(
      PasskeyCeremonies.Registered stored,
      long storedCount,
      byte[] challenge,
      byte[] signedChallenge,
      String origin) {
    ObjectNode assertion =
        authenticator.assertion(requestOptions(signedChallenge, RP.id()), origin, HANDLE);
    return ceremonies.verifyAssertion(
        ceremonies.parseAssertion(assertion.toString()),
        challenge,
        RP,
        stored.attestedCredentialData(),
        storedCount,
        stored.userVerified(),
        stored.backupEligible(),
        stored.backedUp());
  }

  @Test
  void whenANoneAttestationIsRegisteredThenItsKeyVerifiesTheNextAssertions() {
    PasskeyCeremonies.Registered stored = register(RP, "https://example.com", "none");
    assertEquals(authenticator.credentialId(), stored.credentialId());
    assertEquals(1, stored.signCount());
    assertEquals(List.of("hybrid", "internal"), stored.transports());

    byte[] challenge = challenge();
    assertEquals(2, signIn(stored, 1, challenge, challenge, "https://login.example.com"));
  }

  @Test
  void whenAPackedSelfAttestationIsRegisteredThenItIsAccepted() {
    assertTrue(register(RP, "https://example.com", "packed").userVerified());
  }

  @Test
  void whenTheOriginIsNotTheRelyingPartyOrASubdomainThenOriginNotAllowed() {
    CognitoException e =
        assertThrows(
            CognitoException.class, () -> register(RP, "https://evil-example.com", "none"));
    assertEquals("WebAuthnOriginNotAllowedException", e.code().wireName());
  }

  @Test
  void whenTheAuthenticatorSignedForAnotherRelyingPartyThenRelyingPartyMismatch() {
    byte[] challenge = challenge();
    ObjectNode response =
        authenticator.register(
            creationOptions(challenge, "example.com"), "https://example.com", "other.com", "none");
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () ->
                ceremonies.verifyRegistration(
                    ceremonies.parseRegistration(response.toString()), challenge, RP));
    assertEquals("WebAuthnRelyingPartyMismatchException", e.code().wireName());
  }

  @Test
  void whenVerificationIsRequiredAndTheAuthenticatorDidNotVerifyThenNotSupported() {
    authenticator.setUserVerifying(false);
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> register(new RelyingParty("example.com", true), "https://example.com", "none"));
    assertEquals("WebAuthnCredentialNotSupportedException", e.code().wireName());
  }

  @Test
  void whenTheCounterDoesNotGrowOrTheChallengeDiffersThenTheAssertionIsRefused() {
    PasskeyCeremonies.Registered stored = register(RP, "https://example.com", "none");
    byte[] challenge = challenge();
    authenticator.setCounter(4); // the next assertion says 5
    CognitoException regression =
        assertThrows(
            CognitoException.class,
            () -> signIn(stored, 9, challenge, challenge, "https://example.com"));
    assertEquals("NotAuthorizedException", regression.code().wireName());

    CognitoException wrongChallenge =
        assertThrows(
            CognitoException.class,
            () -> signIn(stored, 1, challenge, challenge(), "https://example.com"));
    assertEquals("NotAuthorizedException", wrongChallenge.code().wireName());
  }

  @Test
  void whenTheResponseIsNotWebAuthnThenInvalidParameter() {
    for (String garbage :
        List.of(
            "{\"id\":1}",
            "[]",
            "not json",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":"
                + "{\"clientDataJSON\":\"!!!\",\"attestationObject\":\"oA\"}}",
            "{\"id\":\"AQID\",\"rawId\":\"AQID\",\"type\":\"public-key\",\"response\":"
                + "{\"clientDataJSON\":\"e30\",\"attestationObject\":\"_w\"}}")) {
      CognitoException registration =
          assertThrows(CognitoException.class, () -> ceremonies.parseRegistration(garbage));
      assertEquals("InvalidParameterException", registration.code().wireName(), garbage);
      CognitoException assertion =
          assertThrows(CognitoException.class, () -> ceremonies.parseAssertion(garbage));
      assertEquals("InvalidParameterException", assertion.code().wireName(), garbage);
    }
  }

  @Test
  void whenARegistrationIsPresentedAsAnAssertionThenItIsNotSupported() {
    byte[] challenge = challenge();
    ObjectNode assertion =
        authenticator.assertion(requestOptions(challenge, RP.id()), "https://example.com", HANDLE);
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () ->
                ceremonies.verifyRegistration(
                    ceremonies.parseRegistration(assertion.toString()), challenge, RP));
    assertTrue(
        List.of("InvalidParameterException", "WebAuthnCredentialNotSupportedException")
            .contains(e.code().wireName()));
  }

  @Test
  void originsAreHttpsOnTheRelyingPartyOrItsSubdomainsAndHttpOnlyOnLocalhost() {
    assertTrue(RP.allowsOrigin("https://example.com"));
    assertTrue(RP.allowsOrigin("https://a.b.example.com:8443"));
    assertFalse(RP.allowsOrigin("http://example.com"));
    assertFalse(RP.allowsOrigin("https://badexample.com"));
    assertFalse(RP.allowsOrigin("https://example.com.evil.net"));
    assertFalse(RP.allowsOrigin("android:apk-key-hash:abc"));
    RelyingParty local = new RelyingParty("localhost", false);
    assertTrue(local.allowsOrigin("http://localhost:3000"));
    assertFalse(local.allowsOrigin("http://127.0.0.1:3000"));
  }
}
