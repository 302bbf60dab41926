package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.protocol.Json;
import dev.userpool.tokens.TokenGrant;
import dev.userpool.tokens.TokenIssuer;
import dev.userpool.tokens.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JWKS and discovery documents over HTTP, and a token issued in-process verified by
 * nimbus-jose-jwt against the JWKS it finds through the discovery document, the way an API would.
 */
class WellKnownIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private String createPool() {
    return TestPools.builder().create(server); // in-process until CreateUserPool is on main
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void whenDocumentsAreFetchedThenIssuerIsTheServersOwnUrlAndJwksHasOneRsaKey() throws Exception {
    String poolId = createPool();
    HttpResponse<String> discovery =
        get(server.endpoint() + "/" + poolId + "/.well-known/openid-configuration");
    assertEquals(200, discovery.statusCode());
    JsonNode doc = Json.read(discovery.body());
    String issuer = server.endpoint() + "/" + poolId;
    assertEquals(issuer, doc.get("issuer").asText());
    assertEquals(issuer + "/.well-known/jwks.json", doc.get("jwks_uri").asText());

    HttpResponse<String> jwks = get(doc.get("jwks_uri").asText());
    assertEquals(200, jwks.statusCode());
    assertTrue(
        jwks.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonNode key = Json.read(jwks.body()).get("keys").get(0);
    assertEquals("RSA", key.get("kty").asText());
    assertEquals("RS256", key.get("alg").asText());
    assertEquals("sig", key.get("use").asText());
    assertEquals("AQAB", key.get("e").asText());
  }

  @Test
  void whenTokenIsIssuedThenNimbusVerifiesItAgainstTheServedJwks() throws Exception {
    String poolId = createPool();
    Tokens tokens = server.server().wiring().dependencies().tokens();
    String issuer = tokens.issuers().issuer(poolId, server.endpoint());
    Instant now = Instant.now();
    UserPool pool = server.server().wiring().dependencies().pools().find(poolId).orElseThrow();
    AppClient client =
        new AppClient(poolId, "wellknownclient0000000000a", "web", null, now, now, Map.of(), 1);
    User user =
        new User(
            poolId,
            "alice",
            "6c1e3a50-0000-4000-8000-000000000001",
            Map.of("sub", "6c1e3a50-0000-4000-8000-000000000001", "email", "alice@example.com"),
            true,
            UserStatus.CONFIRMED,
            now,
            now,
            null,
            Map.of(),
            1);
    TokenIssuer.IssuedTokens issued =
        tokens
            .issuer()
            .issue(
                TokenGrant.signIn(pool, client, user, issuer, now, new SecureRandom()),
                Duration.ofHours(1),
                Duration.ofHours(1));

    String jwksUri =
        Json.read(get(issuer + "/.well-known/openid-configuration").body())
            .get("jwks_uri")
            .asText();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256,
            JWKSourceBuilder.create(URI.create(jwksUri).toURL()).retrying(false).build()));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").build(),
            Set.of("exp", "sub")));
    JWTClaimsSet claims = processor.process(issued.accessToken(), null);
    assertEquals("alice", claims.getStringClaim("username"));
    assertEquals("wellknownclient0000000000a", claims.getStringClaim("client_id"));
  }

  @Test
  void whenPoolIsUnknownThenBothDocumentsAre404() throws Exception {
    for (String doc : new String[] {"jwks.json", "openid-configuration"}) {
      HttpResponse<String> response =
          get(server.endpoint() + "/us-east-1_Unknown1/.well-known/" + doc);
      assertEquals(404, response.statusCode());
      assertEquals("ResourceNotFoundException", Json.read(response.body()).get("__type").asText());
    }
  }
}
