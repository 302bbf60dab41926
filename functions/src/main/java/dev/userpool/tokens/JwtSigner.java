package dev.userpool.tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * RS256 compact JWS (RFC 7515 §7.1, RFC 7518 §3.3) built with the JDK: {@code base64url(header) "."
 * base64url(claims) "." base64url(SHA256withRSA signature)}, no padding. The header is exactly
 * Cognito's: {@code {"kid":"…","alg":"RS256"}}, in that order and without {@code typ} (sources
 * §6.2).
 */
public final class JwtSigner {
  public static final String ALG = "RS256";
  static final String JDK_ALG = "SHA256withRSA";

  private JwtSigner() {}

  public static String sign(ObjectNode claims, String kid, PrivateKey key) {
    ObjectNode header = Json.object();
    header.put("kid", kid);
    header.put("alg", ALG);
    String signingInput = segment(header) + "." + segment(claims);
    try {
      Signature rsa = Signature.getInstance(JDK_ALG);
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + Base64Url.encode(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  private static String segment(ObjectNode json) {
    return Base64Url.encode(Json.write(json).getBytes(StandardCharsets.UTF_8));
  }
}
