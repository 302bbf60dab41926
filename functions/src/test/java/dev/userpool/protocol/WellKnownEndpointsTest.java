package dev.userpool.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.domain.UserPool;
import dev.userpool.lambda.ApiGatewayHandler;
import dev.userpool.store.embedded.EmbeddedItemTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The well-known documents through the Lambda entry point, as API Gateway's GET routes deliver
 * them.
 */
class WellKnownEndpointsTest {
  private static final String POOL = "us-east-1_WellKn0wn";
  private static final String HOST = "abc123.execute-api.us-east-1.amazonaws.com";

  private static Wiring wiring(String issuerBase) {
    Clock clock = Clock.systemUTC();
    AppConfig config =
        new AppConfig(
            "memory",
            null,
            null,
            null,
            AppConfig.DEFAULT_ACCOUNT,
            AppConfig.DEFAULT_REGION,
            issuerBase);
    Wiring wiring =
        new Wiring(
            config, clock, EmbeddedItemTable.inMemory(clock), RequestAuthenticator.ACCEPT_ALL);
    Instant now = Instant.parse("2024-05-01T10:00:00Z");
    wiring
        .dependencies()
        .pools()
        .create(
            new UserPool(
                POOL,
                "p",
                "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL,
                now,
                now,
                Map.of(),
                Map.of(),
                0));
    return wiring;
  }

  private static APIGatewayProxyResponseEvent get(Wiring wiring, String path) {
    APIGatewayProxyRequestEvent.ProxyRequestContext context =
        new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setPath("/prod" + path);
    APIGatewayProxyRequestEvent event =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("GET")
            .withPath(path)
            .withHeaders(Map.of("Host", HOST, "X-Forwarded-Proto", "https"))
            .withRequestContext(context);
    return new ApiGatewayHandler(wiring).handleRequest(event, null);
  }

  @Test
  void whenJwksIsFetchedThenThePoolGetsAKeyAndOnlyPublicMembersAreServed() {
    Wiring wiring = wiring(null);
    APIGatewayProxyResponseEvent response = get(wiring, "/" + POOL + "/.well-known/jwks.json");
    assertEquals(200, response.getStatusCode());
    assertEquals("application/json", response.getHeaders().get("Content-Type"));
    JsonNode keys = Json.read(response.getBody()).get("keys");
    assertEquals(1, keys.size());
    List<String> members = new java.util.ArrayList<>();
    keys.get(0).fieldNames().forEachRemaining(members::add);
    assertEquals(List.of("alg", "e", "kid", "kty", "n", "use"), members);
    assertEquals(
        wiring.dependencies().tokens().keys().ensure(POOL).get(0).kid(),
        keys.get(0).get("kid").asText());
    assertFalse(response.getBody().contains("privateKey") || response.getBody().contains("\"d\""));
    // Asking again serves the same key rather than making another.
    assertEquals(response.getBody(), get(wiring, "/" + POOL + "/.well-known/jwks.json").getBody());
  }

  @Test
  void whenDiscoveryIsFetchedWithoutConfiguredBaseThenIssuerIsTheStageUrl() {
    APIGatewayProxyResponseEvent response =
        get(wiring(null), "/" + POOL + "/.well-known/openid-configuration");
    assertEquals(200, response.getStatusCode());
    JsonNode doc = Json.read(response.getBody());
    String issuer = "https://" + HOST + "/prod/" + POOL;
    assertEquals(issuer, doc.get("issuer").asText());
    assertEquals(issuer + "/.well-known/jwks.json", doc.get("jwks_uri").asText());
    assertEquals("[\"RS256\"]", Json.write(doc.get("id_token_signing_alg_values_supported")));
    assertEquals("[\"public\"]", Json.write(doc.get("subject_types_supported")));
    assertTrue(
        doc.has("authorization_endpoint")
            && doc.has("token_endpoint")
            && doc.has("userinfo_endpoint"));
  }

  @Test
  void whenIssuerBaseIsConfiguredThenDiscoveryUsesIt() {
    APIGatewayProxyResponseEvent response =
        get(wiring("https://auth.example.com/"), "/" + POOL + "/.well-known/openid-configuration");
    assertEquals(
        "https://auth.example.com/" + POOL, Json.read(response.getBody()).get("issuer").asText());
  }

  @Test
  void whenPoolIsUnknownThen404WithResourceNotFound() {
    Wiring wiring = wiring(null);
    APIGatewayProxyResponseEvent response = get(wiring, "/us-east-1_Nope/.well-known/jwks.json");
    assertEquals(404, response.getStatusCode());
    assertEquals(
        "{\"__type\":\"ResourceNotFoundException\",\"message\":\"User pool us-east-1_Nope does not exist.\"}",
        response.getBody());
    assertTrue(
        wiring.dependencies().tokens().keys().ensure("us-east-1_Nope").size() == 1,
        "sanity: ensure itself does not check the pool");
  }

  @Test
  void whenPathIsNotAWellKnownDocumentThenItIsNotMatched() {
    assertFalse(WellKnownEndpoints.matches("GET", "/" + POOL + "/.well-known/other"));
    assertFalse(WellKnownEndpoints.matches("POST", "/" + POOL + "/.well-known/jwks.json"));
    assertFalse(WellKnownEndpoints.matches("GET", "/not-a-pool/.well-known/jwks.json"));
    assertTrue(WellKnownEndpoints.matches("GET", "/" + POOL + "/.well-known/openid-configuration"));
  }
}
