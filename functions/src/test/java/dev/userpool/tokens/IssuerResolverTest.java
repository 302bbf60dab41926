package dev.userpool.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.protocol.ApiRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuerResolverTest {
  @Test
  void whenBaseIsConfiguredThenItWinsOverTheRequest() {
    IssuerResolver r = new IssuerResolver("https://abc.execute-api.us-east-1.amazonaws.com/prod/");
    assertEquals(
        "https://abc.execute-api.us-east-1.amazonaws.com/prod/us-east-1_A1",
        r.issuer("us-east-1_A1", "http://localhost:9229"));
  }

  @Test
  void whenNothingIsConfiguredThenTheRequestsBaseIsUsed() {
    IssuerResolver r = new IssuerResolver(null);
    assertEquals(
        "http://localhost:9229/us-east-1_A1", r.issuer("us-east-1_A1", "http://localhost:9229"));
    assertThrows(IllegalStateException.class, () -> r.issuer("us-east-1_A1", null));
  }

  @Test
  void whenBaseIsConfiguredThenOnlyThatIssuerIsAccepted() {
    IssuerResolver r = new IssuerResolver("https://idp.example.com");
    assertEquals(Optional.of("us-east-1_A1"), r.poolIdOf("https://idp.example.com/us-east-1_A1"));
    assertEquals(Optional.empty(), r.poolIdOf("http://localhost:9229/us-east-1_A1"));
    assertEquals(Optional.empty(), r.poolIdOf("https://idp.example.com/x/us-east-1_A1"));
  }

  @Test
  void whenNothingIsConfiguredThenAnyHttpBaseOfAPoolIsAccepted() {
    IssuerResolver r = new IssuerResolver("");
    assertEquals(Optional.of("eu-west-1_B2"), r.poolIdOf("http://127.0.0.1:9229/eu-west-1_B2"));
    assertEquals(Optional.empty(), r.poolIdOf("ftp://host/eu-west-1_B2"));
    assertEquals(Optional.empty(), r.poolIdOf("http://host/not-a-pool"));
    assertEquals(Optional.empty(), r.poolIdOf(null));
  }

  @Test
  void whenLocalRequestThenBaseUrlIsHostWithHttp() {
    ApiRequest local = new ApiRequest("GET", "/", Map.of("host", "localhost:9229"), null, null);
    assertEquals("http://localhost:9229", local.baseUrl());
    assertNull(new ApiRequest("GET", "/", Map.of(), null, null).baseUrl());
  }

  @Test
  void whenBehindApiGatewayThenBaseUrlHasHttpsAndTheStage() {
    ApiRequest proxied =
        new ApiRequest(
            "GET",
            "/us-east-1_A1/.well-known/jwks.json",
            Map.of("Host", "abc.execute-api.us-east-1.amazonaws.com", "X-Forwarded-Proto", "https"),
            null,
            null,
            "/prod/us-east-1_A1/.well-known/jwks.json",
            null);
    assertEquals("https://abc.execute-api.us-east-1.amazonaws.com/prod", proxied.baseUrl());
    ApiRequest post =
        new ApiRequest(
            "POST",
            "/",
            Map.of("Host", "h", "X-Forwarded-Proto", "https"),
            null,
            null,
            "/prod/",
            null);
    assertEquals("https://h/prod", post.baseUrl());
  }
}
