package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills an OIDC provider's endpoint keys from its issuer's discovery document, as the API reference
 * describes ProviderDetails: Cognito takes attributes_url, authorize_url, jwks_uri and token_url
 * from the caller only "when it can't discover endpoint URLs from oidc_issuer". Keys the caller
 * gave are kept; when the document cannot be read, the details stay as given (what Cognito answers
 * then is unconfirmed). Only an admin can name the issuer.
 */
public final class OidcDiscovery {
  /** ProviderDetails key → discovery document member (OpenID Connect Discovery 1.0 §3). */
  private static final Map<String, String> KEYS =
      Map.of(
          "authorize_url", "authorization_endpoint",
          "token_url", "token_endpoint",
          "attributes_url", "userinfo_endpoint",
          "jwks_uri", "jwks_uri");

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private HttpClient http;

  /**
   * The HTTP client is built on the first discovery: building it starts a selector thread and loads
   * a few hundred classes, which neither the Lambda's init nor a SnapStart snapshot should carry.
   */
  public OidcDiscovery() {}

  private synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return http;
  }

  public Map<String, String> complete(Map<String, String> details) {
    if (KEYS.keySet().stream().allMatch(details::containsKey)) {
      return details;
    }
    JsonNode document = fetch(details.get("oidc_issuer"));
    if (document == null) {
      return details;
    }
    Map<String, String> out = new LinkedHashMap<>(details);
    KEYS.forEach(
        (key, member) -> {
          if (!out.containsKey(key) && document.path(member).isTextual()) {
            out.put(key, document.get(member).asText());
          }
        });
    return out;
  }

  private JsonNode fetch(String issuer) {
    if (issuer == null || !(issuer.startsWith("https://") || issuer.startsWith("http://"))) {
      return null;
    }
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    try {
      HttpResponse<String> response =
          http()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                      .timeout(TIMEOUT)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Json.read(response.body()) : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
