package dev.userpool.oauth.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The {@code client_secret} Apple's token endpoint wants: not a static string but an ES256 JWT the
 * client signs with the private key Apple issued it (the {@code .p8} file: PKCS#8, curve P-256),
 * with {@code kid} = key_id in the header and {@code iss} = team_id, {@code sub} = client_id (the
 * Services ID), {@code aud} = {@code https://appleid.apple.com}, {@code iat} and {@code exp} in the
 * claims (Apple's "Creating a client secret"). One is made per token request, so it lives minutes,
 * not the six months Apple allows.
 */
public final class AppleClientSecret {
  public static final String AUDIENCE = "https://appleid.apple.com";
  static final Duration LIFETIME = Duration.ofMinutes(5);

  /** The private key is not a PKCS#8 P-256 key; the message is safe to show. */
  public static final class InvalidPrivateKey extends Exception {
    InvalidPrivateKey(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private AppleClientSecret() {}

  public static String create(
      String teamId, String clientId, String keyId, String privateKeyPem, Instant now)
      throws InvalidPrivateKey {
    ECPrivateKey key = privateKey(privateKeyPem);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(teamId)
            .subject(clientId)
            .audience(AUDIENCE)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(), claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new InvalidPrivateKey("The private_key cannot sign with ES256.", e);
    }
    return jwt.serialize();
  }

  /**
   * The key in Apple's {@code .p8} text: PEM with or without its BEGIN/END lines, line breaks as
   * given or as literal {@code \n} (as keys pasted into JSON often arrive).
   */
  static ECPrivateKey privateKey(String pem) throws InvalidPrivateKey {
    if (pem == null) {
      throw new InvalidPrivateKey("The private_key is missing.", null);
    }
    String base64 =
        pem.replace("\\n", "\n")
            .replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      ECPrivateKey key =
          (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
      if (!Curve.P_256.equals(Curve.forECParameterSpec(key.getParams()))) {
        throw new InvalidPrivateKey("The private_key is not a P-256 key.", null);
      }
      return key;
    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      throw new InvalidPrivateKey("The private_key is not a PKCS#8 EC private key.", e);
    }
  }
}
