package dev.userpool.tokens;

import dev.userpool.domain.SigningKey;
import dev.userpool.store.SigningKeyFactory;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * New RSA-2048 key pairs with public exponent 65537 ({@code e = "AQAB"}, as Cognito's JWKS shows).
 * The kid is 32 random bytes in padded base64url: 44 characters ending in {@code =} like Cognito's
 * kids, but safe in URLs.
 */
public final class RsaSigningKeyFactory implements SigningKeyFactory {
  static final int KEY_BITS = 2048;
  private static final int KID_BYTES = 32;

  private final SecureRandom random;

  public RsaSigningKeyFactory(SecureRandom random) {
    this.random = random;
  }

  @Override
  public SigningKey newKey(String poolId, long generation, Instant createdAt) {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_BITS, random);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
    RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
    byte[] kid = new byte[KID_BYTES];
    random.nextBytes(kid);
    return new SigningKey(
        poolId,
        Base64.getUrlEncoder().encodeToString(kid),
        generation,
        createdAt,
        Base64Url.encodeUnsigned(pub.getModulus()),
        Base64Url.encodeUnsigned(pub.getPublicExponent()),
        Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
  }
}
