package dev.userpool.testing;

import dev.userpool.domain.SamlSigningCertificate;
import dev.userpool.operations.providers.SelfSignedCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SAML identity provider for tests: its own RSA key and self-signed certificate, its metadata,
 * and SAML Responses it signs with the JDK's XML signature API. Tests change one field of a {@link
 * ResponseBuilder} to produce each bad answer.
 */
public final class TestSamlIdp {
  public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
  public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
  public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
  public static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
  private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
  private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

  private final String entityId;
  private final String ssoUrl;
  private final X509Certificate certificate;
  private final PrivateKey key;

  public TestSamlIdp(String entityId, String ssoUrl) {
    this.entityId = entityId;
    this.ssoUrl = ssoUrl;
    try {
      SamlSigningCertificate generated =
          new SelfSignedCertificates(new SecureRandom()).create("test-idp", Instant.now());
      this.certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(generated.certificateDer()));
      this.key =
          KeyFactory.getInstance("RSA")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(generated.privateKeyPkcs8())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String entityId() {
    return entityId;
  }

  /** The IdP's own certificate (tests use it as a key the provider does not have). */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The IdP's metadata document, as an administrator would paste it into MetadataFile. */
  public String metadata() {
    try {
      return "<?xml version=\"1.0\"?>\n"
          + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
          + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\""
          + entityId
          + "\"><md:IDPSSODescriptor protocolSupportEnumeration=\""
          + PROTOCOL
          + "\"><md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
          + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
          + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
          + "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
          + " Location=\""
          + ssoUrl
          + "/slo\"/>"
          + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
          + " Location=\""
          + ssoUrl
          + "/post\"/>"
          + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
          + " Location=\""
          + ssoUrl
          + "\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a redirect to this IdP carried: the inflated AuthnRequest and the query's fields. */
  public record ReceivedRequest(Document authnRequest, Map<String, String> query) {
    public String id() {
      return authnRequest.getDocumentElement().getAttribute("ID");
    }

    public String consumerUrl() {
      return authnRequest.getDocumentElement().getAttribute("AssertionConsumerServiceURL");
    }

    public String issuer() {
      return authnRequest
          .getDocumentElement()
          .getElementsByTagNameNS(ASSERTION, "Issuer")
          .item(0)
          .getTextContent();
    }

    public String relayState() {
      return query.get("RelayState");
    }
  }

  /** Decodes the HTTP-Redirect binding of a Location header sent to this IdP. */
  public static ReceivedRequest receive(String location) {
    try {
      Map<String, String> query = new LinkedHashMap<>();
      for (String pair : URI.create(location).getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      Inflater inflater = new Inflater(true);
      inflater.setInput(Base64.getDecoder().decode(query.get("SAMLRequest")));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && inflater.needsInput()) {
          break;
        }
        out.write(buffer, 0, n);
      }
      inflater.end();
      return new ReceivedRequest(parse(out.toByteArray()), query);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A signed LogoutResponse (HTTP-POST binding, base64) answering {@code inResponseTo}. */
  public String logoutResponse(String inResponseTo, String destination) {
    try {
      Document doc =
          DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
      Element response = doc.createElementNS(PROTOCOL, "samlp:LogoutResponse");
      doc.appendChild(response);
      response.setAttributeNS(XMLNS, "xmlns:samlp", PROTOCOL);
      response.setAttributeNS(XMLNS, "xmlns:saml", ASSERTION);
      response.setAttribute("ID", "_" + UUID.randomUUID());
      response.setAttribute("Version", "2.0");
      response.setAttribute(
          "IssueInstant", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      response.setAttribute("Destination", destination);
      response.setAttribute("InResponseTo", inResponseTo);
      Element issuer = child(response, ASSERTION, "saml:Issuer", entityId);
      child(child(response, PROTOCOL, "samlp:Status", null), PROTOCOL, "samlp:StatusCode", null)
          .setAttribute("Value", "urn:oasis:names:tc:SAML:2.0:status:Success");
      new ResponseBuilder(inResponseTo, destination, null).sign(response, issuer.getNextSibling());
      return encode(doc);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public ResponseBuilder response(String requestId, String consumerUrl, String audience) {
    return new ResponseBuilder(requestId, consumerUrl, audience);
  }

  /** One SAML Response; every field defaults to what a correct answer carries. */
  public final class ResponseBuilder {
    public String requestId;
    public String destination;
    public String recipient;
    public String audience;
    public String nameId = "jane@corp.example";
    public String issuer = entityId;
    public String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public String assertionId = "_" + UUID.randomUUID();
    public String sessionIndex = "_session-" + UUID.randomUUID();
    public Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    public Duration validFor = Duration.ofMinutes(5);
    public boolean signResponse = true;
    public boolean signAssertion = true;
    public boolean subjectConfirmationInResponseTo = true;
    public String signatureMethod = SignatureMethod.RSA_SHA256;
    public String digestMethod = DigestMethod.SHA256;
    public PrivateKey signingKey = key;
    public X509Certificate signingCertificate = certificate;
    public final Map<String, List<String>> attributes = new LinkedHashMap<>();

    /** When set, the (signed) Assertion is sent as an EncryptedAssertion to this certificate. */
    public X509Certificate encryptTo;

    public String dataEncryption = XENC11 + "aes256-gcm";
    public String keyTransport = XENC + "rsa-oaep-mgf1p";

    /** The EncryptedKey beside the EncryptedData (with a RetrievalMethod) instead of inside it. */
    public boolean encryptedKeyBesideData;

    /**
     * One bit of the encrypted content flipped after encryption (before any Response signature).
     */
    public boolean alterCiphertext;

    private ResponseBuilder(String requestId, String consumerUrl, String audience) {
      this.requestId = requestId;
      this.destination = consumerUrl;
      this.recipient = consumerUrl;
      this.audience = audience;
      attributes.put("email", List.of("jane@corp.example"));
    }

    public ResponseBuilder attribute(String name, String... values) {
      attributes.put(name, List.of(values));
      return this;
    }

    /** The signed Response as a DOM document, for tests that alter it after signing. */
    public Document document() {
      try {
        Document doc =
            DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element response = doc.createElementNS(PROTOCOL, "samlp:Response");
        doc.appendChild(response);
        // declared as attributes too, so that canonicalization sees them before serialization
        response.setAttributeNS(XMLNS, "xmlns:samlp", PROTOCOL);
        response.setAttributeNS(XMLNS, "xmlns:saml", ASSERTION);
        response.setAttribute("ID", "_" + UUID.randomUUID());
        response.setAttribute("Version", "2.0");
        response.setAttribute("IssueInstant", issued.toString());
        if (destination != null) {
          response.setAttribute("Destination", destination);
        }
        if (requestId != null) {
          response.setAttribute("InResponseTo", requestId);
        }
        Element responseIssuer = child(response, ASSERTION, "saml:Issuer", issuer);
        Element statusElement = child(response, PROTOCOL, "samlp:Status", null);
        child(statusElement, PROTOCOL, "samlp:StatusCode", null).setAttribute("Value", status);

        Element assertion = child(response, ASSERTION, "saml:Assertion", null);
        assertion.setAttributeNS(XMLNS, "xmlns:saml", ASSERTION);
        assertion.setAttribute("ID", assertionId);
        assertion.setAttribute("Version", "2.0");
        assertion.setAttribute("IssueInstant", issued.toString());
        Element assertionIssuer = child(assertion, ASSERTION, "saml:Issuer", issuer);
        Element subject = child(assertion, ASSERTION, "saml:Subject", null);
        child(subject, ASSERTION, "saml:NameID", nameId)
            .setAttribute("Format", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        Element confirmation = child(subject, ASSERTION, "saml:SubjectConfirmation", null);
        confirmation.setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        Element data = child(confirmation, ASSERTION, "saml:SubjectConfirmationData", null);
        data.setAttribute("Recipient", recipient);
        data.setAttribute("NotOnOrAfter", issued.plus(validFor).toString());
        if (subjectConfirmationInResponseTo && requestId != null) {
          data.setAttribute("InResponseTo", requestId);
        }
        Element conditions = child(assertion, ASSERTION, "saml:Conditions", null);
        conditions.setAttribute("NotBefore", issued.minusSeconds(5).toString());
        conditions.setAttribute("NotOnOrAfter", issued.plus(validFor).toString());
        child(
            child(conditions, ASSERTION, "saml:AudienceRestriction", null),
            ASSERTION,
            "saml:Audience",
            audience);
        Element authn = child(assertion, ASSERTION, "saml:AuthnStatement", null);
        authn.setAttribute("AuthnInstant", issued.toString());
        authn.setAttribute("SessionIndex", sessionIndex);
        child(
            child(authn, ASSERTION, "saml:AuthnContext", null),
            ASSERTION,
            "saml:AuthnContextClassRef",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
        Element statement = child(assertion, ASSERTION, "saml:AttributeStatement", null);
        attributes.forEach(
            (name, values) -> {
              Element a = child(statement, ASSERTION, "saml:Attribute", null);
              a.setAttribute("Name", name);
              values.forEach(v -> child(a, ASSERTION, "saml:AttributeValue", v));
            });
        if (signAssertion) {
          sign(assertion, assertionIssuer.getNextSibling());
        }
        if (encryptTo != null) {
          response.replaceChild(encrypt(assertion), assertion);
        }
        if (signResponse) {
          sign(response, responseIssuer.getNextSibling());
        }
        return doc;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** The base64 SAMLResponse form value. */
    public String encoded() {
      return encode(document());
    }

    /** XML Encryption of the Assertion: a fresh AES key, carried by RSA-OAEP to encryptTo. */
    private Element encrypt(Element assertion) throws Exception {
      Document doc = assertion.getOwnerDocument();
      byte[] plain = serialize(assertion).getBytes(StandardCharsets.UTF_8);
      boolean gcm = dataEncryption.endsWith("-gcm");
      int keyBytes = Integer.parseInt(dataEncryption.replaceAll(".*aes(\\d+)-.*", "$1")) / 8;
      SecureRandom random = new SecureRandom();
      byte[] key = new byte[keyBytes];
      random.nextBytes(key);
      byte[] iv = new byte[gcm ? 12 : 16];
      random.nextBytes(iv);
      Cipher content = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "AES/CBC/PKCS5Padding");
      content.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          gcm ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv));
      byte[] sealed = content.doFinal(plain);
      byte[] cipherText = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, cipherText, 0, iv.length);
      System.arraycopy(sealed, 0, cipherText, iv.length, sealed.length);
      if (alterCiphertext) {
        cipherText[cipherText.length / 2] ^= 1;
      }

      boolean oaep11 = keyTransport.equals(XENC11 + "rsa-oaep");
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
      rsa.init(
          Cipher.ENCRYPT_MODE,
          encryptTo.getPublicKey(),
          oaep11
              ? new OAEPParameterSpec(
                  "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)
              : new OAEPParameterSpec(
                  "SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
      byte[] wrappedKey = rsa.doFinal(key);

      Element encrypted = doc.createElementNS(ASSERTION, "saml:EncryptedAssertion");
      Element data = child(encrypted, XENC, "xenc:EncryptedData", null);
      data.setAttributeNS(XMLNS, "xmlns:xenc", XENC);
      data.setAttribute("Id", "_" + UUID.randomUUID());
      data.setAttribute("Type", XENC + "Element");
      child(data, XENC, "xenc:EncryptionMethod", null).setAttribute("Algorithm", dataEncryption);
      Element keyInfo = child(data, DSIG, "ds:KeyInfo", null);
      keyInfo.setAttributeNS(XMLNS, "xmlns:ds", DSIG);
      Element encryptedKey;
      if (encryptedKeyBesideData) {
        encryptedKey = child(encrypted, XENC, "xenc:EncryptedKey", null);
        encryptedKey.setAttributeNS(XMLNS, "xmlns:xenc", XENC);
        encryptedKey.setAttribute("Id", "_" + UUID.randomUUID());
        Element retrieval = child(keyInfo, DSIG, "ds:RetrievalMethod", null);
        retrieval.setAttribute("URI", "#" + encryptedKey.getAttribute("Id"));
        retrieval.setAttribute("Type", XENC + "EncryptedKey");
      } else {
        encryptedKey = child(keyInfo, XENC, "xenc:EncryptedKey", null);
      }
      Element method = child(encryptedKey, XENC, "xenc:EncryptionMethod", null);
      method.setAttribute("Algorithm", keyTransport);
      Element digest = child(method, DSIG, "ds:DigestMethod", null);
      digest.setAttributeNS(XMLNS, "xmlns:ds", DSIG);
      if (oaep11) {
        digest.setAttribute("Algorithm", XENC + "sha256");
        Element mgf = child(method, XENC11, "xenc11:MGF", null);
        mgf.setAttributeNS(XMLNS, "xmlns:xenc11", XENC11);
        mgf.setAttribute("Algorithm", XENC11 + "mgf1sha256");
      } else {
        digest.setAttribute("Algorithm", DSIG + "sha1");
      }
      child(
          child(encryptedKey, XENC, "xenc:CipherData", null),
          XENC,
          "xenc:CipherValue",
          Base64.getEncoder().encodeToString(wrappedKey));
      child(
          child(data, XENC, "xenc:CipherData", null),
          XENC,
          "xenc:CipherValue",
          Base64.getEncoder().encodeToString(cipherText));
      return encrypted;
    }

    private void sign(Element element, org.w3c.dom.Node before) throws Exception {
      XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
      Reference reference =
          f.newReference(
              "#" + element.getAttribute("ID"),
              f.newDigestMethod(digestMethod, null),
              List.of(
                  f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                  f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
              null,
              null);
      SignedInfo info =
          f.newSignedInfo(
              f.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              f.newSignatureMethod(signatureMethod, null),
              List.of(reference));
      KeyInfoFactory kif = f.getKeyInfoFactory();
      KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(signingCertificate))));
      DOMSignContext context = new DOMSignContext(signingKey, element, before);
      context.setIdAttributeNS(element, null, "ID");
      f.newXMLSignature(info, keyInfo).sign(context);
    }
  }

  private static Element child(Element parent, String ns, String qualifiedName, String text) {
    Element e = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
    if (text != null) {
      e.setTextContent(text);
    }
    parent.appendChild(e);
    return e;
  }

  public static String encode(Document doc) {
    return Base64.getEncoder().encodeToString(serialize(doc).getBytes(StandardCharsets.UTF_8));
  }

  public static String serialize(org.w3c.dom.Node node) {
    try {
      StringWriter out = new StringWriter();
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty("omit-xml-declaration", "yes");
      transformer.transform(new DOMSource(node), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Document parse(byte[] xml) {
    try {
      return DocumentBuilderFactory.newDefaultNSInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
