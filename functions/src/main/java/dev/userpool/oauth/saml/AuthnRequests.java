package dev.userpool.oauth.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * The AuthnRequest sent with the HTTP-Redirect binding (SAML 2.0 bindings §3.4): the XML is
 * DEFLATE-compressed (raw, no zlib header), base64- and URL-encoded into {@code SAMLRequest} beside
 * {@code RelayState}. When a signing key is given (ProviderDetails RequestSigningAlgorithm
 * rsa-sha256), {@code SigAlg} and {@code Signature} sign the query string as §3.4.4.1 prescribes.
 */
final class AuthnRequests {
  static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

  private AuthnRequests() {}

  static String xml(
      String requestId, Instant now, String destination, String consumerUrl, String issuer) {
    return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
        + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\""
        + escape(requestId)
        + "\" Version=\"2.0\" IssueInstant=\""
        + now.truncatedTo(ChronoUnit.SECONDS)
        + "\" Destination=\""
        + escape(destination)
        + "\" AssertionConsumerServiceURL=\""
        + escape(consumerUrl)
        + "\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
        + "<saml:Issuer>"
        + escape(issuer)
        + "</saml:Issuer>"
        + "<samlp:NameIDPolicy AllowCreate=\"true\""
        + " Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\"/>"
        + "</samlp:AuthnRequest>";
  }

  /** The IdP's SSO URL with the request, RelayState and (when a key is given) the signature. */
  static String location(String ssoUrl, String xml, String relayState, PrivateKey signingKey) {
    String query =
        "SAMLRequest="
            + encode(Base64.getEncoder().encodeToString(deflate(xml)))
            + "&RelayState="
            + encode(relayState);
    if (signingKey != null) {
      query += "&SigAlg=" + encode(RSA_SHA256);
      query += "&Signature=" + encode(sign(query, signingKey));
    }
    return ssoUrl + (ssoUrl.contains("?") ? "&" : "?") + query;
  }

  private static String sign(String signedQuery, PrivateKey key) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(signedQuery.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
    }
  }

  private static byte[] deflate(String xml) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** XML attribute and text escaping. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
