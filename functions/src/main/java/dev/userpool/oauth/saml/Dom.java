package dev.userpool.oauth.saml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Direct-child lookups by namespace and local name. SAML values are read only from the exact
 * element positions the schema gives them, never by searching the document, so content moved
 * elsewhere (a signature-wrapping attack) is never read.
 */
final class Dom {
  private Dom() {}

  static List<Element> children(Element parent, String ns, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The only such child, null when there is none; two or more are refused. */
  static Element single(Element parent, String ns, String localName) {
    List<Element> found = children(parent, ns, localName);
    if (found.size() > 1) {
      throw new SamlException("more than one " + localName);
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /** The trimmed text of the only such child, or null. */
  static String text(Element parent, String ns, String localName) {
    Element e = single(parent, ns, localName);
    return e == null ? null : e.getTextContent().strip();
  }

  /** An attribute's value, or null when absent (DOM answers "" for absent attributes). */
  static String attribute(Element e, String name) {
    return e.hasAttributeNS(null, name) ? e.getAttributeNS(null, name) : null;
  }
}
