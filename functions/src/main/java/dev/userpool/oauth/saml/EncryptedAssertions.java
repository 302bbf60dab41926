package dev.userpool.oauth.saml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Decrypts a SAML {@code EncryptedAssertion} (SAML 2.0 core §2.3.4, XML Encryption 1.1) with the
 * provider's private key and puts the Assertion in its place, with the JDK's javax.crypto alone.
 * The content key must come by RSA-OAEP (rsa-oaep-mgf1p or xmlenc11 rsa-oaep; RSA PKCS#1 v1.5 is
 * refused, being open to padding-oracle attacks), in the EncryptedData's KeyInfo or as an
 * EncryptedKey beside it; the content must be AES-GCM or AES-CBC. The plaintext is parsed by {@link
 * SafeXml} inside a wrapper that declares the namespaces in scope at the EncryptedAssertion (so no
 * DOCTYPE can appear), and must be exactly one Assertion element. Every failure is the same {@link
 * #UNDECRYPTABLE}, so the answer says nothing about which step failed.
 */
final class EncryptedAssertions {
  static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
  static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
  static final String UNDECRYPTABLE = "The EncryptedAssertion could not be decrypted.";

  private static final Map<String, Integer> GCM_KEY_BYTES =
      Map.of(XENC11 + "aes128-gcm", 16, XENC11 + "aes192-gcm", 24, XENC11 + "aes256-gcm", 32);
  private static final Map<String, Integer> CBC_KEY_BYTES =
      Map.of(XENC + "aes128-cbc", 16, XENC + "aes192-cbc", 24, XENC + "aes256-cbc", 32);
  private static final Map<String, String> DIGESTS =
      Map.of(
          SignatureCheck.DSIG + "sha1",
          "SHA-1",
          XENC + "sha256",
          "SHA-256",
          "http://www.w3.org/2001/04/xmldsig-more#sha384",
          "SHA-384",
          XENC + "sha512",
          "SHA-512");
  private static final Map<String, MGF1ParameterSpec> MGFS =
      Map.of(
          XENC11 + "mgf1sha1", MGF1ParameterSpec.SHA1,
          XENC11 + "mgf1sha224", MGF1ParameterSpec.SHA224,
          XENC11 + "mgf1sha256", MGF1ParameterSpec.SHA256,
          XENC11 + "mgf1sha384", MGF1ParameterSpec.SHA384,
          XENC11 + "mgf1sha512", MGF1ParameterSpec.SHA512);

  private EncryptedAssertions() {}

  /** Replaces {@code encrypted} by the Assertion it holds and answers that Assertion. */
  static Element decrypt(Element encrypted, PrivateKey key) {
    try {
      return replace(encrypted, key);
    } catch (SamlException e) {
      throw new SamlException(UNDECRYPTABLE);
    }
  }

  private static Element replace(Element encrypted, PrivateKey key) {
    Element data = Dom.single(encrypted, XENC, "EncryptedData");
    if (data == null) {
      throw new SamlException(UNDECRYPTABLE);
    }
    String algorithm = algorithm(data);
    Integer gcm = GCM_KEY_BYTES.get(algorithm);
    Integer cbc = CBC_KEY_BYTES.get(algorithm);
    if (gcm == null && cbc == null) {
      throw new SamlException(UNDECRYPTABLE);
    }
    byte[] contentKey = contentKey(encrypted, data, key);
    if (contentKey.length != (gcm != null ? gcm : cbc)) {
      throw new SamlException(UNDECRYPTABLE);
    }
    byte[] cipherText = cipherValue(data);
    byte[] plain = gcm != null ? gcm(contentKey, cipherText) : cbc(contentKey, cipherText);
    Element assertion = parse(plain, encrypted);
    Element imported = (Element) encrypted.getOwnerDocument().importNode(assertion, true);
    encrypted.getParentNode().replaceChild(imported, encrypted);
    return imported;
  }

  /**
   * The AES key: from the EncryptedKey in the EncryptedData's KeyInfo, else from the single
   * EncryptedKey beside the EncryptedData (the placement many IdPs use, with a RetrievalMethod).
   */
  private static byte[] contentKey(Element encrypted, Element data, PrivateKey key) {
    Element keyInfo = Dom.single(data, SignatureCheck.DSIG, "KeyInfo");
    Element encryptedKey = keyInfo == null ? null : Dom.single(keyInfo, XENC, "EncryptedKey");
    if (encryptedKey == null) {
      encryptedKey = Dom.single(encrypted, XENC, "EncryptedKey");
    }
    if (encryptedKey == null) {
      throw new SamlException(UNDECRYPTABLE);
    }
    String algorithm = algorithm(encryptedKey);
    Element method = Dom.single(encryptedKey, XENC, "EncryptionMethod");
    String digest = "SHA-1";
    Element digestMethod = Dom.single(method, SignatureCheck.DSIG, "DigestMethod");
    if (digestMethod != null) {
      digest = DIGESTS.get(Dom.attribute(digestMethod, "Algorithm"));
    }
    MGF1ParameterSpec mgf = MGF1ParameterSpec.SHA1;
    if (algorithm.equals(XENC11 + "rsa-oaep")) {
      Element mgfElement = Dom.single(method, XENC11, "MGF");
      if (mgfElement != null) {
        mgf = MGFS.get(Dom.attribute(mgfElement, "Algorithm"));
      }
    } else if (!algorithm.equals(XENC + "rsa-oaep-mgf1p")) {
      throw new SamlException(UNDECRYPTABLE);
    }
    if (digest == null || mgf == null) {
      throw new SamlException(UNDECRYPTABLE);
    }
    PSource label = PSource.PSpecified.DEFAULT;
    String params = Dom.text(method, XENC, "OAEPparams");
    if (params != null) {
      label = new PSource.PSpecified(base64(params));
    }
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
      rsa.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec(digest, "MGF1", mgf, label));
      return rsa.doFinal(cipherValue(encryptedKey));
    } catch (GeneralSecurityException e) {
      throw new SamlException(UNDECRYPTABLE);
    }
  }

  /** AES-GCM: a 96-bit IV before the ciphertext, the 128-bit tag after it (XML Enc 1.1 §5.2.4). */
  private static byte[] gcm(byte[] key, byte[] input) {
    if (input.length < 12 + 16) {
      throw new SamlException(UNDECRYPTABLE);
    }
    return crypt(
        "AES/GCM/NoPadding",
        key,
        new GCMParameterSpec(128, input, 0, 12),
        Arrays.copyOfRange(input, 12, input.length));
  }

  /**
   * AES-CBC: a 128-bit IV first; XML Encryption's padding (§5.2) says only that the last byte is
   * the padding length, so it is removed here rather than by PKCS#5.
   */
  private static byte[] cbc(byte[] key, byte[] input) {
    if (input.length < 32 || input.length % 16 != 0) {
      throw new SamlException(UNDECRYPTABLE);
    }
    byte[] padded =
        crypt(
            "AES/CBC/NoPadding",
            key,
            new IvParameterSpec(input, 0, 16),
            Arrays.copyOfRange(input, 16, input.length));
    int pad = padded[padded.length - 1] & 0xff;
    if (pad < 1 || pad > 16) {
      throw new SamlException(UNDECRYPTABLE);
    }
    return Arrays.copyOf(padded, padded.length - pad);
  }

  private static byte[] crypt(
      String transformation, byte[] key, AlgorithmParameterSpec params, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(transformation);
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), params);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new SamlException(UNDECRYPTABLE);
    }
  }

  /**
   * The decrypted Assertion, parsed inside a wrapper declaring the namespaces in scope where it
   * was: it was serialized as a fragment of the Response and may use their prefixes.
   */
  private static Element parse(byte[] plain, Element context) {
    byte[] fragment = withoutXmlDeclaration(plain);
    StringBuilder open = new StringBuilder("<w");
    for (var ns : inScopeNamespaces(context).entrySet()) {
      open.append(' ')
          .append(ns.getKey().isEmpty() ? "xmlns" : "xmlns:" + ns.getKey())
          .append("=\"")
          .append(escape(ns.getValue()))
          .append('"');
    }
    open.append('>');
    ByteArrayOutputStream wrapped = new ByteArrayOutputStream();
    wrapped.writeBytes(open.toString().getBytes(StandardCharsets.UTF_8));
    wrapped.writeBytes(fragment);
    wrapped.writeBytes("</w>".getBytes(StandardCharsets.UTF_8));
    Document doc;
    try {
      doc = SafeXml.parse(wrapped.toByteArray());
    } catch (SamlException e) {
      throw new SamlException(UNDECRYPTABLE);
    }
    Element wrapper = doc.getDocumentElement();
    Element assertion = null;
    for (Node n = wrapper.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (assertion != null) {
          throw new SamlException(UNDECRYPTABLE);
        }
        assertion = e;
      } else if (n.getNodeType() != Node.TEXT_NODE || !n.getTextContent().isBlank()) {
        throw new SamlException(UNDECRYPTABLE);
      }
    }
    if (assertion == null
        || !ResponseCheck.ASSERTION.equals(assertion.getNamespaceURI())
        || !"Assertion".equals(assertion.getLocalName())) {
      throw new SamlException(UNDECRYPTABLE);
    }
    return assertion;
  }

  private static byte[] withoutXmlDeclaration(byte[] plain) {
    String head =
        new String(plain, 0, Math.min(plain.length, 200), StandardCharsets.ISO_8859_1)
            .stripLeading();
    if (!head.startsWith("<?xml")) {
      return plain;
    }
    String all = new String(plain, StandardCharsets.ISO_8859_1);
    int end = all.indexOf("?>");
    if (end < 0) {
      throw new SamlException(UNDECRYPTABLE);
    }
    return Arrays.copyOfRange(plain, end + 2, plain.length);
  }

  /** Prefix ("" for the default namespace) to URI, the nearest declaration winning. */
  private static Map<String, String> inScopeNamespaces(Element element) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr a = (Attr) attributes.item(i);
        if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
          String prefix = "xmlns".equals(a.getName()) ? "" : a.getLocalName();
          out.putIfAbsent(prefix, a.getValue());
        }
      }
    }
    return out;
  }

  private static String algorithm(Element encrypted) {
    Element method = Dom.single(encrypted, XENC, "EncryptionMethod");
    String algorithm = method == null ? null : Dom.attribute(method, "Algorithm");
    if (algorithm == null) {
      throw new SamlException(UNDECRYPTABLE);
    }
    return algorithm;
  }

  private static byte[] cipherValue(Element encrypted) {
    Element cipherData = Dom.single(encrypted, XENC, "CipherData");
    String value = cipherData == null ? null : Dom.text(cipherData, XENC, "CipherValue");
    if (value == null) {
      throw new SamlException(UNDECRYPTABLE);
    }
    return base64(value);
  }

  private static byte[] base64(String value) {
    try {
      return Base64.getMimeDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new SamlException(UNDECRYPTABLE);
    }
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
