package dev.userpool.tokens;

import dev.userpool.domain.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Turns the stored form of a {@link SigningKey} back into JDK keys. */
final class RsaKeys {
  private RsaKeys() {}

  static PrivateKey privateKey(SigningKey key) {
    try {
      byte[] der = Base64.getDecoder().decode(key.privateKeyPkcs8());
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // Never include the key material; the kid is enough to find the damaged item.
      throw new IllegalStateException("unreadable private key " + key.kid());
    }
  }

  static RSAPublicKey publicKey(SigningKey key) {
    try {
      RSAPublicKeySpec spec =
          new RSAPublicKeySpec(
              Base64Url.decodeUnsigned(key.modulus()), Base64Url.decodeUnsigned(key.exponent()));
      return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("unreadable public key " + key.kid());
    }
  }
}
