package dev.userpool.oauth.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What this pool needs from a SAML identity provider's metadata (SAML 2.0 metadata §2.4.3): its
 * entityID (the Issuer its assertions carry), the SingleSignOnService to send AuthnRequests to
 * (HTTP-Redirect binding; Cognito sends AuthnRequests that way), and the certificates of its
 * KeyDescriptors for signing (use="signing" or no use). Assertions are trusted only if signed by
 * one of these certificates, never by a key the response itself carries. The SingleLogoutService
 * (HTTP-Redirect) is where single logout sends the browser, when there is one.
 */
record IdpMetadata(
    String entityId,
    String ssoRedirectUrl,
    List<X509Certificate> certificates,
    String sloRedirectUrl) {
  static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
  static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

  static IdpMetadata parse(String xml) {
    Document doc = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    Element root = doc.getDocumentElement();
    Element entity = root;
    if (!isMd(root, "EntityDescriptor")) {
      if (!isMd(root, "EntitiesDescriptor")) {
        throw new SamlException("metadata has no EntityDescriptor");
      }
      entity = first(root, MD, "EntityDescriptor");
    }
    if (entity == null) {
      throw new SamlException("metadata has no EntityDescriptor");
    }
    Element idp = first(entity, MD, "IDPSSODescriptor");
    if (idp == null) {
      throw new SamlException("metadata has no IDPSSODescriptor");
    }
    String sso = null;
    for (Element s : Dom.children(idp, MD, "SingleSignOnService")) {
      if (REDIRECT_BINDING.equals(s.getAttribute("Binding")) && sso == null) {
        sso = s.getAttribute("Location").strip();
      }
    }
    if (sso == null || sso.isEmpty()) {
      throw new SamlException("metadata has no SingleSignOnService with the HTTP-Redirect binding");
    }
    String slo = null;
    for (Element s : Dom.children(idp, MD, "SingleLogoutService")) {
      if (REDIRECT_BINDING.equals(s.getAttribute("Binding")) && slo == null) {
        slo = s.getAttribute("Location").strip();
      }
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Element key : Dom.children(idp, MD, "KeyDescriptor")) {
      String use = key.getAttribute("use");
      if (!use.isEmpty() && !use.equals("signing")) {
        continue;
      }
      var found = key.getElementsByTagNameNS(DS, "X509Certificate");
      for (int i = 0; i < found.getLength(); i++) {
        certificates.add(certificate(found.item(i).getTextContent()));
      }
    }
    if (certificates.isEmpty()) {
      throw new SamlException("metadata has no signing certificate");
    }
    return new IdpMetadata(
        entity.getAttribute("entityID").strip(),
        sso,
        List.copyOf(certificates),
        slo == null || slo.isEmpty() ? null : slo);
  }

  static X509Certificate certificate(String base64) {
    try {
      byte[] der = Base64.getMimeDecoder().decode(base64.strip());
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
      throw new SamlException("metadata certificate is not a valid X.509 certificate");
    }
  }

  private static boolean isMd(Element e, String localName) {
    return MD.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
  }

  private static Element first(Element parent, String ns, String localName) {
    List<Element> found = Dom.children(parent, ns, localName);
    return found.isEmpty() ? null : found.get(0);
  }
}
