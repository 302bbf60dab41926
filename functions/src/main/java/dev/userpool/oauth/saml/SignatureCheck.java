package dev.userpool.oauth.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies the enveloped XML signature (SAML 2.0 core §5) a Response or Assertion carries over
 * itself, with the JDK's XML Digital Signature API (Apache Santuario inside the JDK, in secure
 * validation mode). Defences against signature wrapping: the Signature must be a direct child of
 * the element, its single Reference must point at that element's own ID, that ID must occur once in
 * the whole document, and the caller reads values only from that element. Only the algorithms below
 * are accepted (no SHA-1, no XPath or XSLT transforms), and only the certificates from the
 * provider's metadata are tried, whatever KeyInfo the document carries.
 */
final class SignatureCheck {
  static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

  private static final Set<String> SIGNATURE_METHODS =
      Set.of(
          SignatureMethod.RSA_SHA256,
          SignatureMethod.RSA_SHA384,
          SignatureMethod.RSA_SHA512,
          SignatureMethod.ECDSA_SHA256,
          SignatureMethod.ECDSA_SHA384,
          SignatureMethod.ECDSA_SHA512);
  private static final Set<String> DIGEST_METHODS =
      Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);
  private static final Set<String> CANONICALIZATIONS =
      Set.of(CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.INCLUSIVE);
  private static final Set<String> TRANSFORMS =
      Set.of(
          Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.INCLUSIVE);

  static final String INVALID = "SAML Assertion signature is invalid.";

  private SignatureCheck() {}

  /**
   * True when {@code signed} carries a valid signature over itself by one of the certificates;
   * false when it carries none. A signature that is there but does not verify, uses another
   * algorithm, or points elsewhere is a {@link SamlException}.
   */
  static boolean verify(Element signed, List<X509Certificate> certificates) {
    Element signature = Dom.single(signed, DSIG, "Signature");
    if (signature == null) {
      return false;
    }
    String id = Dom.attribute(signed, "ID");
    if (id == null || id.isEmpty() || occurrences(signed, id) != 1) {
      throw new SamlException(INVALID);
    }
    for (X509Certificate certificate : certificates) {
      if (valid(signed, signature, id, certificate)) {
        return true;
      }
    }
    throw new SamlException(INVALID);
  }

  private static boolean valid(
      Element signed, Element signatureElement, String id, X509Certificate certificate) {
    DOMValidateContext context =
        new DOMValidateContext(
            KeySelector.singletonKeySelector(certificate.getPublicKey()), signatureElement);
    context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
    context.setIdAttributeNS(signed, null, "ID");
    try {
      XMLSignature signature =
          XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
      var info = signature.getSignedInfo();
      if (!SIGNATURE_METHODS.contains(info.getSignatureMethod().getAlgorithm())
          || !CANONICALIZATIONS.contains(info.getCanonicalizationMethod().getAlgorithm())
          || info.getReferences().size() != 1) {
        throw new SamlException(INVALID);
      }
      Reference reference = (Reference) info.getReferences().get(0);
      if (!("#" + id).equals(reference.getURI())
          || !DIGEST_METHODS.contains(reference.getDigestMethod().getAlgorithm())) {
        throw new SamlException(INVALID);
      }
      for (Object t : reference.getTransforms()) {
        if (!TRANSFORMS.contains(((Transform) t).getAlgorithm())) {
          throw new SamlException(INVALID);
        }
      }
      return signature.validate(context);
    } catch (MarshalException | XMLSignatureException | ClassCastException e) {
      throw new SamlException(INVALID);
    }
  }

  /** How many elements of the document carry this ID value in an ID attribute. */
  private static int occurrences(Element anyElement, String id) {
    NodeList all = anyElement.getOwnerDocument().getElementsByTagNameNS("*", "*");
    int count = 0;
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (id.equals(Dom.attribute(e, "ID"))
          || id.equals(Dom.attribute(e, "Id"))
          || id.equals(Dom.attribute(e, "id"))) {
        count++;
      }
    }
    return count;
  }
}
