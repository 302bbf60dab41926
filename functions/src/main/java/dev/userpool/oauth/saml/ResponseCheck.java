package dev.userpool.oauth.saml;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks a SAML Response posted to {@code /saml2/idpresponse} against the AuthnRequest it answers
 * (SAML 2.0 core §3.2.2, profiles §4.1.4.2–3): signed by the provider's metadata certificate (the
 * Response, the Assertion or both), Status Success, exactly one Assertion (or, when the provider
 * requires encryption, exactly one EncryptedAssertion, decrypted by {@link EncryptedAssertions}
 * after the Response signature is checked and before the Assertion's), Destination and the bearer
 * SubjectConfirmation's Recipient equal to our assertion consumer URL, InResponseTo equal to the
 * request's ID (absent in an unsolicited Response), Issuer equal to the provider's entityID, the
 * time window (with {@link #SKEW} either side) and our Audience {@code
 * urn:amazon:cognito:sp:<poolId>}. Only then are NameID and attributes read, from the very
 * Assertion element that was checked.
 */
final class ResponseCheck {
  static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
  static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

  /** Clock difference tolerated between the provider and us. */
  static final Duration SKEW = Duration.ofMinutes(2);

  /**
   * What the answer must match.
   *
   * @param requestId the AuthnRequest's ID; null for an IdP-initiated (unsolicited) Response, which
   *     must then carry no InResponseTo at all (profiles §4.1.5)
   * @param decryptionKey the provider's key when its assertions must come encrypted, else null
   */
  record Expected(
      String audience,
      String consumerUrl,
      String requestId,
      IdpMetadata idp,
      Instant now,
      PrivateKey decryptionKey) {}

  /**
   * The accepted assertion.
   *
   * @param keepUntil until when a replay of this assertion could still pass the time checks
   */
  record Accepted(
      String subject,
      String issuer,
      String assertionId,
      Map<String, String> attributes,
      Instant keepUntil,
      SamlSession session) {}

  private ResponseCheck() {}

  static Accepted check(String samlResponse, Expected expected) {
    byte[] xml;
    try {
      xml = Base64.getMimeDecoder().decode(samlResponse.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new SamlException("Invalid base64 SAMLResponse.");
    }
    Document doc = SafeXml.parse(xml);
    Element response = doc.getDocumentElement();
    if (!PROTOCOL.equals(response.getNamespaceURI())
        || !"Response".equals(response.getLocalName())
        || !"2.0".equals(Dom.attribute(response, "Version"))) {
      throw new SamlException("The document is not a SAML 2.0 Response.");
    }
    int encrypted = doc.getElementsByTagNameNS(ASSERTION, "EncryptedAssertion").getLength();
    int plain = doc.getElementsByTagNameNS(ASSERTION, "Assertion").getLength();
    if (expected.decryptionKey() == null && encrypted > 0) {
      throw new SamlException("The Assertion is encrypted, but EncryptedResponses is not enabled.");
    }
    if (expected.decryptionKey() != null
        && (encrypted != 1
            || plain != 0
            || Dom.single(response, ASSERTION, "EncryptedAssertion") == null)) {
      throw new SamlException("The response must contain exactly one EncryptedAssertion.");
    }
    if (expected.decryptionKey() == null) {
      exactlyOneAssertion(doc);
    }
    // verified before decryption: a Response signature covers the ciphertext
    boolean responseSigned = SignatureCheck.verify(response, expected.idp().certificates());
    Element assertion;
    if (expected.decryptionKey() != null && !responseSigned) {
      // nothing authenticates the ciphertext until the Assertion's own signature verifies: every
      // failure before that has one text, so that no answer tells an attacker altering the
      // ciphertext whether its plaintext parsed (the XML Encryption CBC attack's oracle)
      try {
        assertion = decryptedAndSigned(response, expected, false);
      } catch (SamlException e) {
        throw new SamlException(EncryptedAssertions.UNDECRYPTABLE);
      }
    } else {
      assertion = decryptedAndSigned(response, expected, responseSigned);
    }

    Element status = Dom.single(response, PROTOCOL, "Status");
    Element code = status == null ? null : Dom.single(status, PROTOCOL, "StatusCode");
    String statusValue = code == null ? null : Dom.attribute(code, "Value");
    if (!SUCCESS.equals(statusValue)) {
      throw new SamlException("Status code is not Success: " + statusValue + ".");
    }
    String destination = Dom.attribute(response, "Destination");
    if (destination != null && !destination.equals(expected.consumerUrl())) {
      throw new SamlException("Destination is invalid.");
    }
    String inResponseTo = Dom.attribute(response, "InResponseTo");
    if (inResponseTo != null && !inResponseTo.equals(expected.requestId())) {
      // also any InResponseTo in an unsolicited Response
      throw new SamlException("InResponseTo is invalid.");
    }
    String responseIssuer = Dom.text(response, ASSERTION, "Issuer");
    if (responseIssuer != null && !issuerMatches(responseIssuer, expected)) {
      throw new SamlException("Issuer is invalid.");
    }

    String issuer = Dom.text(assertion, ASSERTION, "Issuer");
    if (issuer == null || !issuerMatches(issuer, expected)) {
      throw new SamlException("Issuer is invalid.");
    }
    String assertionId = Dom.attribute(assertion, "ID");
    if (assertionId == null || assertionId.isEmpty()) {
      throw new SamlException("The Assertion has no ID.");
    }
    Instant now = expected.now();
    Element subject = Dom.single(assertion, ASSERTION, "Subject");
    String nameId = subject == null ? null : Dom.text(subject, ASSERTION, "NameID");
    if (nameId == null || nameId.isEmpty()) {
      throw new SamlException("The Assertion has no NameID.");
    }
    Instant confirmedUntil = bearerConfirmation(subject, expected, inResponseTo != null);

    Element conditions = Dom.single(assertion, ASSERTION, "Conditions");
    if (conditions == null) {
      throw new SamlException("The Assertion has no Conditions.");
    }
    Instant notBefore = time(conditions, "NotBefore");
    Instant notOnOrAfter = time(conditions, "NotOnOrAfter");
    if (notBefore != null && now.plus(SKEW).isBefore(notBefore)) {
      throw new SamlException("The Assertion is not yet valid.");
    }
    if (notOnOrAfter != null && !now.minus(SKEW).isBefore(notOnOrAfter)) {
      throw new SamlException("The Assertion has expired.");
    }
    if (!audienceMatches(conditions, expected.audience())) {
      throw new SamlException("Audience is invalid.");
    }
    Instant keepUntil =
        (notOnOrAfter != null && notOnOrAfter.isAfter(confirmedUntil)
                ? notOnOrAfter
                : confirmedUntil)
            .plus(SKEW);
    Element nameIdElement = Dom.single(subject, ASSERTION, "NameID");
    List<Element> authn = Dom.children(assertion, ASSERTION, "AuthnStatement");
    // single logout names the session of the first AuthnStatement (developer guide, "SAML
    // sign-out")
    String sessionIndex = authn.isEmpty() ? null : Dom.attribute(authn.get(0), "SessionIndex");
    return new Accepted(
        nameId,
        issuer,
        assertionId,
        attributes(assertion),
        keepUntil,
        new SamlSession(null, nameId, Dom.attribute(nameIdElement, "Format"), sessionIndex));
  }

  /**
   * The Response's only Assertion, decrypted first when a key is expected, once the signatures
   * (Response, Assertion or both, and no other) are known to hold.
   */
  private static Element decryptedAndSigned(
      Element response, Expected expected, boolean responseSigned) {
    Document doc = response.getOwnerDocument();
    if (expected.decryptionKey() != null) {
      EncryptedAssertions.decrypt(
          Dom.single(response, ASSERTION, "EncryptedAssertion"), expected.decryptionKey());
    }
    exactlyOneAssertion(doc);
    Element assertion = Dom.single(response, ASSERTION, "Assertion");
    if (assertion == null) {
      throw new SamlException("The response must contain exactly one Assertion.");
    }
    int signatures = doc.getElementsByTagNameNS(SignatureCheck.DSIG, "Signature").getLength();
    boolean assertionSigned = SignatureCheck.verify(assertion, expected.idp().certificates());
    if (!responseSigned && !assertionSigned
        || signatures != (responseSigned ? 1 : 0) + (assertionSigned ? 1 : 0)) {
      throw new SamlException(SignatureCheck.INVALID);
    }
    return assertion;
  }

  /** One Assertion in the whole document (the caller then wants it as the Response's child). */
  private static void exactlyOneAssertion(Document doc) {
    if (doc.getElementsByTagNameNS(ASSERTION, "Assertion").getLength() != 1
        || doc.getElementsByTagNameNS(ASSERTION, "EncryptedAssertion").getLength() != 0) {
      throw new SamlException("The response must contain exactly one Assertion.");
    }
  }

  private static boolean issuerMatches(String issuer, Expected expected) {
    String entityId = expected.idp().entityId();
    return entityId.isEmpty() || entityId.equals(issuer);
  }

  /**
   * A bearer SubjectConfirmation whose data names our consumer URL, answers our request and has not
   * expired (profiles §4.1.4.2); returns its NotOnOrAfter.
   */
  private static Instant bearerConfirmation(
      Element subject, Expected expected, boolean responseNamedRequest) {
    SamlException failure = new SamlException("No valid bearer SubjectConfirmation.");
    for (Element confirmation : Dom.children(subject, ASSERTION, "SubjectConfirmation")) {
      if (!BEARER.equals(Dom.attribute(confirmation, "Method"))) {
        continue;
      }
      Element data = Dom.single(confirmation, ASSERTION, "SubjectConfirmationData");
      if (data == null) {
        continue;
      }
      if (!expected.consumerUrl().equals(Dom.attribute(data, "Recipient"))) {
        failure = new SamlException("Recipient is invalid.");
        continue;
      }
      String inResponseTo = Dom.attribute(data, "InResponseTo");
      boolean answers =
          expected.requestId() == null
              ? inResponseTo == null
              : inResponseTo == null
                  ? responseNamedRequest
                  : inResponseTo.equals(expected.requestId());
      if (!answers) {
        failure = new SamlException("InResponseTo is invalid.");
        continue;
      }
      Instant until = time(data, "NotOnOrAfter");
      if (until == null || !expected.now().minus(SKEW).isBefore(until)) {
        failure = new SamlException("The Assertion has expired.");
        continue;
      }
      return until;
    }
    throw failure;
  }

  private static boolean audienceMatches(Element conditions, String audience) {
    List<Element> restrictions = Dom.children(conditions, ASSERTION, "AudienceRestriction");
    if (restrictions.isEmpty()) {
      return false;
    }
    // every AudienceRestriction must name us (core §2.5.1.4)
    for (Element restriction : restrictions) {
      boolean named = false;
      for (Element a : Dom.children(restriction, ASSERTION, "Audience")) {
        named |= audience.equals(a.getTextContent().strip());
      }
      if (!named) {
        return false;
      }
    }
    return true;
  }

  /**
   * Attribute name to value; an attribute with several values becomes {@code [a, b]}, as Cognito
   * shows multi-valued SAML attributes (unconfirmed).
   */
  private static Map<String, String> attributes(Element assertion) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Element statement : Dom.children(assertion, ASSERTION, "AttributeStatement")) {
      for (Element attribute : Dom.children(statement, ASSERTION, "Attribute")) {
        String name = Dom.attribute(attribute, "Name");
        if (name == null || name.isEmpty()) {
          continue;
        }
        List<String> values = new ArrayList<>();
        for (Element v : Dom.children(attribute, ASSERTION, "AttributeValue")) {
          values.add(v.getTextContent().strip());
        }
        out.put(name, values.size() == 1 ? values.get(0) : "[" + String.join(", ", values) + "]");
        // an attribute without values maps to "[]" (unconfirmed)
      }
    }
    return out;
  }

  private static Instant time(Element e, String attribute) {
    String value = Dom.attribute(e, attribute);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException ex) {
      throw new SamlException(attribute + " is not a valid time.");
    }
  }
}
