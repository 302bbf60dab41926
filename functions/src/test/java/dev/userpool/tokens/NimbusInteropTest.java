package dev.userpool.tokens;

import static dev.userpool.tokens.TokenFixtures.ISSUER;
import static dev.userpool.tokens.TokenFixtures.POOL_ID;
import static dev.userpool.tokens.TokenFixtures.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.userpool.protocol.Json;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An independent JOSE implementation reads our JWKS and verifies our tokens, and the reverse. */
class NimbusInteropTest {
  private final TokenFixtures f = new TokenFixtures();

  private JWKSet servedJwks() throws Exception {
    return JWKSet.parse(Json.write(WellKnownDocuments.jwks(f.tokens.keys().ensure(POOL_ID))));
  }

  @Test
  void whenNimbusReadsOurJwksThenEachKeyIsAnRs256SigningKey() throws Exception {
    f.tokens.keys().ensure(POOL_ID);
    f.tokens.keys().rotate(POOL_ID);
    JWKSet set = servedJwks();
    assertEquals(2, set.getKeys().size());
    for (var jwk : set.getKeys()) {
      RSAKey rsa = (RSAKey) jwk;
      assertEquals(JWSAlgorithm.RS256, rsa.getAlgorithm());
      assertEquals(KeyUse.SIGNATURE, rsa.getKeyUse());
      assertEquals("AQAB", rsa.getPublicExponent().toString());
      assertEquals(2048, rsa.size());
      assertFalse(rsa.isPrivate(), "a JWKS must hold public keys only");
    }
  }

  @Test
  void whenNimbusProcessesOurTokensThenSignatureAndClaimsCheckOut() throws Exception {
    TokenIssuer.IssuedTokens tokens =
        f.tokens
            .issuer()
            .issue(
                grant().withGroups(java.util.List.of("admins")),
                Duration.ofHours(1),
                Duration.ofHours(1));
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(servedJwks())));
    // Our fixture's clock is fixed in the past, so nimbus checks exp against a date inside the
    // token's life.
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(ISSUER).build(),
            Set.of("sub", "exp", "iat", "jti", "token_use")) {
          @Override
          protected Date currentTime() {
            return Date.from(f.clock.instant());
          }
        });

    JWTClaimsSet id = processor.process(tokens.idToken(), null);
    assertEquals("id", id.getStringClaim("token_use"));
    assertEquals(java.util.List.of("client1abcdefghijklmnopqrs"), id.getAudience());
    assertEquals(Boolean.TRUE, id.getBooleanClaim("email_verified"));

    JWTClaimsSet access = processor.process(tokens.accessToken(), null);
    assertEquals("access", access.getStringClaim("token_use"));
    assertTrue(access.getAudience().isEmpty());
    assertEquals("client1abcdefghijklmnopqrs", access.getStringClaim("client_id"));
    assertEquals(java.util.List.of("admins"), access.getStringListClaim("cognito:groups"));

    SignedJWT parsed = SignedJWT.parse(tokens.accessToken());
    assertNull(parsed.getHeader().getType(), "Cognito sets no typ");
    RSAKey key = (RSAKey) servedJwks().getKeyByKeyId(parsed.getHeader().getKeyID());
    assertTrue(parsed.verify(new RSASSAVerifier(key)));
  }

  @Test
  void whenNimbusSignsWithThePoolsKeyThenOurVerifierAccepts() throws Exception {
    SigningKeys.Loaded active = f.tokens.keys().active(POOL_ID);
    JWTClaimsSet claims =
        JWTClaimsSet.parse(Json.write(TokenClaims.accessToken(grant(), "j", Duration.ofHours(1))));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(active.key().kid()).build(), claims);
    jwt.sign(new RSASSASigner(active.privateKey()));
    VerifiedToken verified = f.tokens.verifier().verify(jwt.serialize(), TokenUse.ACCESS);
    assertEquals("alice", verified.username());
  }
}
