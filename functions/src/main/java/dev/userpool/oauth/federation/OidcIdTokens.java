package dev.userpool.oauth.federation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies an external provider's ID token (OpenID Connect Core §3.1.3.7) with nimbus-jose-jwt: the
 * signature by a key of the provider's JWKS (asymmetric algorithms only), the issuer (one of those
 * the provider may name), our client_id among the audiences, the nonce we sent, and exp/iat. Each
 * JWKS is fetched once and cached (nimbus refreshes it when a token names an unknown key), so a
 * warm Lambda does not fetch it per sign-in.
 */
final class OidcIdTokens {
  /** Thrown for any token that fails verification; the message is safe to show the client. */
  static final class InvalidIdToken extends Exception {
    InvalidIdToken(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA);

  private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

  JWTClaimsSet verify(
      String idToken, String jwksUri, Set<String> issuers, String clientId, String nonce)
      throws InvalidIdToken {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, source(jwksUri)));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            clientId,
            new JWTClaimsSet.Builder().claim("nonce", nonce).build(),
            Set.of("iss", "sub", "exp", "iat")));
    try {
      JWTClaimsSet claims = processor.process(idToken, null);
      if (!issuers.contains(claims.getIssuer())) {
        throw new InvalidIdToken("Invalid ID token", null);
      }
      return claims;
    } catch (InvalidIdToken e) {
      throw e;
    } catch (Exception e) {
      throw new InvalidIdToken("Invalid ID token", e);
    }
  }

  private JWKSource<SecurityContext> source(String jwksUri) {
    return sources.computeIfAbsent(
        jwksUri,
        uri -> {
          try {
            return JWKSourceBuilder.create(URI.create(uri).toURL()).retrying(true).build();
          } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
          }
        });
  }
}
