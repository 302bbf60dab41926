package dev.userpool.oauth.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.SamlSigningCertificate;
import dev.userpool.operations.providers.SelfSignedCertificates;
import dev.userpool.testing.TestSamlIdp;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ResponseCheckTest {
  private static final String ACS = "https://auth.example.com/saml2/idpresponse";
  private static final String AUDIENCE = "urn:amazon:cognito:sp:us-east-1_Test";
  private static final String REQUEST = "_request-1";
  private static final TestSamlIdp IDP =
      new TestSamlIdp("https://idp.example.com/entity", "https://idp.example.com/sso");
  private static final IdpMetadata METADATA = IdpMetadata.parse(IDP.metadata());

  private static TestSamlIdp.ResponseBuilder answer() {
    return IDP.response(REQUEST, ACS, AUDIENCE);
  }

  private static ResponseCheck.Accepted check(String encoded) {
    return check(encoded, Instant.now());
  }

  private static ResponseCheck.Accepted check(String encoded, Instant now) {
    return ResponseCheck.check(
        encoded, new ResponseCheck.Expected(AUDIENCE, ACS, REQUEST, METADATA, now, null));
  }

  private static String refusal(String encoded) {
    return assertThrows(SamlException.class, () -> check(encoded)).getMessage();
  }

  @Test
  void whenResponseAndAssertionAreSignedThenNameIdAndAttributesAreRead() {
    ResponseCheck.Accepted accepted =
        check(answer().attribute("groups", "admins", "staff").encoded());
    assertEquals("jane@corp.example", accepted.subject());
    assertEquals(IDP.entityId(), accepted.issuer());
    assertEquals("jane@corp.example", accepted.attributes().get("email"));
    assertEquals("[admins, staff]", accepted.attributes().get("groups"));
  }

  @Test
  void whenOnlyTheAssertionIsSignedThenItIsAccepted() {
    var b = answer();
    b.signResponse = false;
    assertEquals("jane@corp.example", check(b.encoded()).subject());
  }

  @Test
  void whenOnlyTheResponseIsSignedThenItIsAccepted() {
    var b = answer();
    b.signAssertion = false;
    assertEquals("jane@corp.example", check(b.encoded()).subject());
  }

  @Test
  void whenNothingIsSignedThenSignatureIsInvalid() {
    var b = answer();
    b.signAssertion = false;
    b.signResponse = false;
    assertEquals("SAML Assertion signature is invalid.", refusal(b.encoded()));
  }

  @Test
  void whenSignedContentIsChangedThenSignatureIsInvalid() {
    var b = answer();
    b.signResponse = false;
    Document doc = b.document();
    doc.getElementsByTagNameNS(TestSamlIdp.ASSERTION, "NameID").item(0).setTextContent("admin");
    assertEquals("SAML Assertion signature is invalid.", refusal(TestSamlIdp.encode(doc)));
  }

  @Test
  void whenSignedByAKeyNotInTheMetadataThenSignatureIsInvalid() {
    TestSamlIdp impostor = new TestSamlIdp(IDP.entityId(), "https://evil.example.com/sso");
    assertEquals(
        "SAML Assertion signature is invalid.",
        refusal(impostor.response(REQUEST, ACS, AUDIENCE).encoded()));
  }

  @Test
  void whenTheSignedAssertionIsWrappedBesideAForgedOneThenItIsRefused() {
    var b = answer();
    b.signResponse = false;
    Document doc = b.document();
    Element response = doc.getDocumentElement();
    Element signed =
        (Element) doc.getElementsByTagNameNS(TestSamlIdp.ASSERTION, "Assertion").item(0);
    // the forged assertion takes the signed one's place (same ID, another NameID, its signature);
    // the original hides in Extensions so that the reference still finds signed content
    Element forged = (Element) signed.cloneNode(true);
    forged.getElementsByTagNameNS(TestSamlIdp.ASSERTION, "NameID").item(0).setTextContent("root");
    Element extensions = doc.createElementNS(TestSamlIdp.PROTOCOL, "samlp:Extensions");
    response.replaceChild(forged, signed);
    extensions.appendChild(signed);
    response.insertBefore(extensions, response.getFirstChild().getNextSibling());
    assertEquals(
        "The response must contain exactly one Assertion.", refusal(TestSamlIdp.encode(doc)));

    // without the original copy the forged content no longer matches the signature's digest
    extensions.removeChild(signed);
    assertEquals("SAML Assertion signature is invalid.", refusal(TestSamlIdp.encode(doc)));
  }

  @Test
  void whenTheSignatureReferencesAnotherElementThenItIsRefused() {
    // Response signed, then a second unsigned assertion can not be smuggled in: exactly one allowed
    var b = answer();
    b.signAssertion = false;
    Document doc = b.document();
    Element response = doc.getDocumentElement();
    Element assertion =
        (Element) doc.getElementsByTagNameNS(TestSamlIdp.ASSERTION, "Assertion").item(0);
    Element second = (Element) assertion.cloneNode(true);
    second.setAttribute("ID", "_other");
    response.appendChild(second);
    assertEquals(
        "The response must contain exactly one Assertion.", refusal(TestSamlIdp.encode(doc)));
  }

  @Test
  void whenTheAssertionHasExpiredThenItIsRefused() {
    var b = answer();
    b.issued = Instant.now().minus(Duration.ofMinutes(30));
    assertEquals("The Assertion has expired.", refusal(b.encoded()));
  }

  @Test
  void whenTheClocksDifferByLessThanTheSkewThenItIsAccepted() {
    var b = answer();
    Instant issued = b.issued;
    assertEquals(
        "jane@corp.example",
        check(b.encoded(), issued.plus(b.validFor).plus(Duration.ofSeconds(60))).subject());
    assertThrows(
        SamlException.class,
        () -> check(b.encoded(), issued.plus(b.validFor).plus(Duration.ofMinutes(3))));
  }

  @Test
  void whenTheAssertionIsNotYetValidThenItIsRefused() {
    var b = answer();
    b.issued = Instant.now().plus(Duration.ofMinutes(10));
    assertEquals("The Assertion is not yet valid.", refusal(b.encoded()));
  }

  @Test
  void whenTheAudienceIsAnotherPoolThenItIsRefused() {
    var b = answer();
    b.audience = "urn:amazon:cognito:sp:us-east-1_Other";
    assertEquals("Audience is invalid.", refusal(b.encoded()));
  }

  @Test
  void whenTheRecipientIsAnotherUrlThenItIsRefused() {
    var b = answer();
    b.recipient = "https://elsewhere.example.com/saml2/idpresponse";
    assertEquals("Recipient is invalid.", refusal(b.encoded()));
  }

  @Test
  void whenTheDestinationIsAnotherUrlThenItIsRefused() {
    var b = answer();
    b.destination = "https://elsewhere.example.com/saml2/idpresponse";
    assertEquals("Destination is invalid.", refusal(b.encoded()));
  }

  @Test
  void whenItAnswersAnotherRequestThenItIsRefused() {
    var b = answer();
    b.requestId = "_request-2";
    assertEquals("InResponseTo is invalid.", refusal(b.encoded()));
  }

  @Test
  void whenTheIssuerIsNotTheMetadataEntityThenItIsRefused() {
    var b = answer();
    b.issuer = "https://other.example.com/entity";
    assertEquals("Issuer is invalid.", refusal(b.encoded()));
  }

  @Test
  void whenTheStatusIsNotSuccessThenItIsRefused() {
    var b = answer();
    b.status = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    assertEquals(
        "Status code is not Success: urn:oasis:names:tc:SAML:2.0:status:Requester.",
        refusal(b.encoded()));
  }

  @Test
  void whenTheDocumentDeclaresADoctypeThenItIsRefusedBeforeAnyEntityIsRead() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;"
            + "</samlp:Response>";
    assertEquals(
        "not well-formed XML",
        refusal(Base64.getEncoder().encodeToString(xxe.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void whenTheValueIsNotBase64ThenItIsRefused() {
    assertEquals("Invalid base64 SAMLResponse.", refusal("%%%not base64"));
  }

  @Test
  void whenTheRootIsNotAResponseThenItIsRefused() {
    String other = "<x:Other xmlns:x=\"urn:example\"/>";
    assertEquals(
        "The document is not a SAML 2.0 Response.",
        refusal(Base64.getEncoder().encodeToString(other.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void whenSignedWithSha1ThenItIsRefused() {
    var b = answer();
    b.signResponse = false;
    b.signatureMethod = javax.xml.crypto.dsig.SignatureMethod.RSA_SHA1;
    b.digestMethod = javax.xml.crypto.dsig.DigestMethod.SHA1;
    assertEquals("SAML Assertion signature is invalid.", refusal(b.encoded()));
  }

  @Test
  void whenACommentSplitsTheSignedNameIdThenTheWholeNameIsRead() {
    // canonicalization drops comments, so the signature still holds; reading only the first text
    // node would give "jane@corp.example" instead of the name the IdP signed
    var b = answer();
    b.nameId = "jane@corp.example.evil.org";
    b.signResponse = false;
    Document doc = b.document();
    var nameId = doc.getElementsByTagNameNS(TestSamlIdp.ASSERTION, "NameID").item(0);
    nameId.setTextContent("jane@corp.example");
    nameId.appendChild(doc.createComment(""));
    nameId.appendChild(doc.createTextNode(".evil.org"));
    assertEquals("jane@corp.example.evil.org", check(TestSamlIdp.encode(doc)).subject());
  }

  /** The provider's encryption pair (as EncryptionKeys makes it): certificate and private key. */
  private record Pair(X509Certificate certificate, PrivateKey key) {
    static Pair create() {
      try {
        SamlSigningCertificate made =
            new SelfSignedCertificates(new SecureRandom()).create("us-east-1_Test", Instant.now());
        return new Pair(
            IdpMetadata.certificate(Base64.getEncoder().encodeToString(made.certificateDer())),
            KeyFactory.getInstance("RSA")
                .generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(made.privateKeyPkcs8()))));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final Pair ENCRYPTION = Pair.create();

  private static ResponseCheck.Accepted checkEncrypted(String encoded) {
    return ResponseCheck.check(
        encoded,
        new ResponseCheck.Expected(
            AUDIENCE, ACS, REQUEST, METADATA, Instant.now(), ENCRYPTION.key));
  }

  private static String encryptedRefusal(String encoded) {
    return assertThrows(SamlException.class, () -> checkEncrypted(encoded)).getMessage();
  }

  private static TestSamlIdp.ResponseBuilder encryptedAnswer() {
    var b = answer().attribute("firstName", "Jane");
    b.encryptTo = ENCRYPTION.certificate;
    return b;
  }

  @Test
  void whenTheSignedAssertionIsEncryptedWithAesGcmThenItIsDecryptedAndRead() {
    var b = encryptedAnswer();
    String encoded = b.encoded();
    String xml = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    assertTrue(xml.contains("EncryptedAssertion") && !xml.contains("jane@corp.example"), xml);
    ResponseCheck.Accepted accepted = checkEncrypted(encoded);
    assertEquals("jane@corp.example", accepted.subject());
    assertEquals("Jane", accepted.attributes().get("firstName"));
  }

  @Test
  void whenAesCbcAndXmlenc11OaepWithTheKeyBesideTheDataThenItIsDecrypted() {
    var b = encryptedAnswer();
    b.dataEncryption = TestSamlIdp.XENC + "aes128-cbc";
    b.keyTransport = TestSamlIdp.XENC11 + "rsa-oaep";
    b.encryptedKeyBesideData = true;
    assertEquals("jane@corp.example", checkEncrypted(b.encoded()).subject());
  }

  @Test
  void whenOnlyTheResponseAroundTheEncryptedAssertionIsSignedThenItIsAccepted() {
    var b = encryptedAnswer();
    b.signAssertion = false;
    assertEquals("jane@corp.example", checkEncrypted(b.encoded()).subject());
  }

  @Test
  void whenOnlyTheEncryptedAssertionIsSignedThenItIsAccepted() {
    var b = encryptedAnswer();
    b.signResponse = false;
    assertEquals("jane@corp.example", checkEncrypted(b.encoded()).subject());
  }

  @Test
  void whenNeitherTheResponseNorTheDecryptedAssertionIsSignedThenOneTextForEveryFailure() {
    // without a Response signature, "signature invalid" would tell a well-formed plaintext from a
    // malformed one: an oracle for altered CBC ciphertext; every failure reads the same
    var b = encryptedAnswer();
    b.signResponse = false;
    b.signAssertion = false;
    assertEquals(EncryptedAssertions.UNDECRYPTABLE, encryptedRefusal(b.encoded()));
    b.signAssertion = true;
    b.dataEncryption = TestSamlIdp.XENC + "aes256-cbc";
    b.alterCiphertext = true;
    assertEquals(EncryptedAssertions.UNDECRYPTABLE, encryptedRefusal(b.encoded()));
  }

  @Test
  void whenEncryptionIsRequiredAndThePlainAssertionArrivesThenItIsRefused() {
    assertEquals(
        "The response must contain exactly one EncryptedAssertion.",
        encryptedRefusal(answer().encoded()));
  }

  @Test
  void whenEncryptionIsNotEnabledAndAnEncryptedAssertionArrivesThenItIsRefused() {
    assertEquals(
        "The Assertion is encrypted, but EncryptedResponses is not enabled.",
        refusal(encryptedAnswer().encoded()));
  }

  @Test
  void whenEncryptedToAnotherKeyThenItCannotBeDecrypted() {
    var b = encryptedAnswer();
    b.encryptTo = Pair.create().certificate;
    assertEquals(EncryptedAssertions.UNDECRYPTABLE, encryptedRefusal(b.encoded()));
  }

  @Test
  void whenTheCiphertextIsAlteredThenTheTagFailsOrTheResponseSignatureDoes() {
    for (boolean signResponse : new boolean[] {false, true}) {
      var b = encryptedAnswer();
      b.signResponse = signResponse;
      Document doc = b.document();
      var values = doc.getElementsByTagNameNS(TestSamlIdp.XENC, "CipherValue");
      var content = values.item(values.getLength() - 1);
      byte[] bytes = Base64.getDecoder().decode(content.getTextContent());
      bytes[bytes.length / 2] ^= 1;
      content.setTextContent(Base64.getEncoder().encodeToString(bytes));
      assertEquals(
          signResponse ? "SAML Assertion signature is invalid." : EncryptedAssertions.UNDECRYPTABLE,
          encryptedRefusal(TestSamlIdp.encode(doc)));
    }
  }

  @Test
  void whenUnsolicitedThenNoInResponseToIsAcceptedAndAnyIsRefused() {
    var b = IDP.response(null, ACS, AUDIENCE);
    ResponseCheck.Expected unsolicited =
        new ResponseCheck.Expected(AUDIENCE, ACS, null, METADATA, Instant.now(), null);
    assertEquals("jane@corp.example", ResponseCheck.check(b.encoded(), unsolicited).subject());

    String solicited = answer().encoded();
    assertEquals(
        "InResponseTo is invalid.",
        assertThrows(SamlException.class, () -> ResponseCheck.check(solicited, unsolicited))
            .getMessage());
    var onlyConfirmation = IDP.response(REQUEST, ACS, AUDIENCE);
    onlyConfirmation.requestId = null;
    onlyConfirmation.subjectConfirmationInResponseTo = true;
    assertEquals(
        "jane@corp.example",
        ResponseCheck.check(onlyConfirmation.encoded(), unsolicited).subject());
  }
}
