package dev.userpool.domain;

import java.time.Instant;

/**
 * One RSA-2048 key pair that signs a pool's tokens (sources §6.2). {@code generation} orders a
 * pool's keys: the highest is the active key, older ones stay published so that tokens they signed
 * still verify. The public half is kept as the JWK members {@code n} and {@code e} (base64url,
 * unpadded); the private half as base64 PKCS#8 DER.
 *
 * <p>The private key never leaves the store except to sign: {@link #toString()} leaves it out, and
 * the JWKS and every API answer are built from {@link #kid()}, {@link #modulus()} and {@link
 * #exponent()} only.
 */
public record SigningKey(
    String poolId,
    String kid,
    long generation,
    Instant createdAt,
    String modulus,
    String exponent,
    String privateKeyPkcs8) {

  @Override
  public String toString() {
    return "SigningKey[poolId="
        + poolId
        + ", kid="
        + kid
        + ", generation="
        + generation
        + ", createdAt="
        + createdAt
        + "]";
  }
}
