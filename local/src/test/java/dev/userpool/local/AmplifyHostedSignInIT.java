package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

/**
 * Amplify JS v6 {@code signInWithRedirect} through the hosted sign-in, in headless Chromium
 * (src/test/js/amplify-hosted-redirect.mjs): a page of the application (served here, with Amplify
 * bundled by esbuild) calls signInWithRedirect → /oauth2/authorize with PKCE → /login → the
 * callback with a code → Amplify redeems it at /oauth2/token and {@code fetchAuthSession} shows the
 * user's tokens. Amplify always addresses {@code https://<domain>}; the driver forwards those
 * requests to the local server's http address unchanged.
 */
class AmplifyHostedSignInIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenAmplifySignsInWithRedirectThenFetchAuthSessionHasTheUsersTokens() throws Exception {
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    Path bundle = Files.createTempFile("amplify-app", ".js");
    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String appUrl = "http://localhost:" + app.getAddress().getPort() + "/app";
    String poolId = SignInFixtures.pool(cognito);
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("amplify-redirect"));
    String clientId =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("amplify web")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid", "email")
                        .callbackURLs(appUrl)
                        .logoutURLs(appUrl)
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient()
            .clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "redirected",
        AttributeType.builder().name("email").value("redirected@example.com").build());
    URI endpoint = URI.create(server.endpoint());
    String domain = endpoint.getHost() + ":" + endpoint.getPort();
    Map<String, String> config = new LinkedHashMap<>();
    config.put("userPoolId", poolId);
    config.put("clientId", clientId);
    config.put("domain", domain);
    config.put("appUrl", appUrl);
    String page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>app</title></head><body>"
            + "<script>window.USERPOOL_CONFIG="
            + new ObjectMapper().writeValueAsString(config)
            + "</script><script src=\"/app.js\"></script></body></html>";
    app.createContext(
        "/app",
        exchange -> {
          boolean script = exchange.getRequestURI().getPath().equals("/app.js");
          send(
              exchange,
              script ? "text/javascript" : "text/html",
              script ? Files.readAllBytes(bundle) : page.getBytes(StandardCharsets.UTF_8));
        });
    app.start();
    NodeProject.Result run;
    try {
      run =
          js.node(
              "amplify-hosted-redirect.mjs",
              Map.of(
                  "USERPOOL_ENDPOINT",
                  server.endpoint(),
                  "USERPOOL_DOMAIN",
                  domain,
                  "USERPOOL_APP_URL",
                  appUrl,
                  "USERPOOL_BUNDLE",
                  bundle.toString(),
                  "USERPOOL_USERNAME",
                  "redirected",
                  "USERPOOL_PASSWORD",
                  SignInFixtures.PASSWORD),
              Duration.ofMinutes(4));
    } finally {
      app.stop(0);
      Files.deleteIfExists(bundle);
    }
    Map<String, JsonNode> steps = new LinkedHashMap<>();
    for (JsonNode line : run.jsonLines()) {
      steps.put(line.path("step").asText(), line);
    }
    String output = run.stdout() + run.stderr();
    assertEquals(0, run.exitCode(), output);
    assertTrue(steps.get("noSessionYet").path("ok").asBoolean(), output);
    assertTrue(steps.get("hostedLogin").path("url").asText().contains("/login?"), output);
    JsonNode session = steps.get("session");
    assertTrue(session.path("ok").asBoolean(), output);
    assertEquals("redirected", session.path("username").asText());
    assertEquals("id", session.path("idTokenUse").asText());
    assertEquals("access", session.path("accessTokenUse").asText());
    assertEquals(clientId, session.path("clientId").asText());
    assertEquals("redirected@example.com", session.path("email").asText());
    assertTrue(session.path("forwarded").toString().contains("/oauth2/token"), output);
  }

  private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
