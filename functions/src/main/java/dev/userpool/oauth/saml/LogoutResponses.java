package dev.userpool.oauth.saml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.w3c.dom.Element;

/**
 * Checks the LogoutResponse an IdP posts to {@code /saml2/logout} (SAML 2.0 core §3.7.2): a SAML
 * 2.0 LogoutResponse answering our LogoutRequest (InResponseTo), from the provider's entity
 * (Issuer, when present), for our endpoint (Destination, when present), and, when it carries a
 * signature, signed by a metadata certificate. Its status is not required to be Success: the user's
 * session here has already ended, the answer only says where the browser goes.
 */
final class LogoutResponses {
  private LogoutResponses() {}

  static void check(String samlResponse, String requestId, String endpoint, IdpMetadata idp) {
    byte[] xml;
    try {
      xml = Base64.getMimeDecoder().decode(samlResponse.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new SamlException("Invalid base64 SAMLResponse.");
    }
    Element response = SafeXml.parse(xml).getDocumentElement();
    if (!ResponseCheck.PROTOCOL.equals(response.getNamespaceURI())
        || !"LogoutResponse".equals(response.getLocalName())
        || !"2.0".equals(Dom.attribute(response, "Version"))) {
      throw new SamlException("The document is not a SAML 2.0 LogoutResponse.");
    }
    if (!requestId.equals(Dom.attribute(response, "InResponseTo"))) {
      throw new SamlException("InResponseTo is invalid.");
    }
    String destination = Dom.attribute(response, "Destination");
    if (destination != null && !destination.equals(endpoint)) {
      throw new SamlException("Destination is invalid.");
    }
    String issuer = Dom.text(response, ResponseCheck.ASSERTION, "Issuer");
    if (issuer != null && !idp.entityId().isEmpty() && !issuer.equals(idp.entityId())) {
      throw new SamlException("Issuer is invalid.");
    }
    int signatures =
        response
            .getOwnerDocument()
            .getElementsByTagNameNS(SignatureCheck.DSIG, "Signature")
            .getLength();
    boolean signed = SignatureCheck.verify(response, idp.certificates());
    if (signatures != (signed ? 1 : 0)) {
      throw new SamlException(SignatureCheck.INVALID);
    }
  }
}
