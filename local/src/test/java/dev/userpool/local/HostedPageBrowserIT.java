package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

/**
 * The hosted sign-in page in real headless Chromium (Debian's {@code /usr/bin/chromium}, driven by
 * playwright-core; src/test/js/hosted-page-browser.mjs): authorize → /login → a wrong password
 * shows Cognito's message → the right one lands on the callback with a code and the state.
 * Screenshots are kept in {@code local/target/hosted-page/}.
 */
class HostedPageBrowserIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static String redirect;
  private static com.sun.net.httpserver.HttpServer callbackServer;
  private static final Path SHOTS =
      Path.of(System.getProperty("basedir", ".")).resolve("target/hosted-page");

  private static NodeProject.Result run;
  private static Map<String, JsonNode> steps;

  @BeforeAll
  static void runTheBrowser() throws Exception {
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    Files.createDirectories(SHOTS);
    // The application's callback, so that the browser has a page to land on.
    callbackServer =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    callbackServer.createContext(
        "/callback",
        exchange -> {
          byte[] body = "callback reached".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    callbackServer.start();
    redirect = "http://localhost:" + callbackServer.getAddress().getPort() + "/callback";
    CognitoIdentityProviderClient cognito = server.client();
    String poolId = SignInFixtures.pool(cognito);
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("browser-it"));
    String clientId =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("browser")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid")
                        .callbackURLs(redirect)
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient()
            .clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "browser-user");
    String authorize =
        server.endpoint()
            + "/oauth2/authorize?response_type=code&client_id="
            + clientId
            + "&redirect_uri="
            + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8)
            + "&scope=openid&state=xyz123";
    run =
        js.node(
            "hosted-page-browser.mjs",
            Map.of(
                "USERPOOL_AUTHORIZE_URL",
                authorize,
                "USERPOOL_REDIRECT_URI",
                redirect,
                "USERPOOL_USERNAME",
                "browser-user",
                "USERPOOL_PASSWORD",
                SignInFixtures.PASSWORD,
                "USERPOOL_SCREENSHOT_DIR",
                SHOTS.toAbsolutePath().toString()),
            Duration.ofMinutes(3));
    steps = new LinkedHashMap<>();
    for (JsonNode line : run.jsonLines()) {
      steps.put(line.path("step").asText(), line);
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void stopCallback() {
    if (callbackServer != null) {
      callbackServer.stop(0);
    }
  }

  private static JsonNode passed(String step) {
    JsonNode line = steps.get(step);
    assertTrue(
        line != null && line.path("ok").asBoolean(),
        () -> step + " did not pass:\n" + run.stdout() + run.stderr());
    return line;
  }

  @Test
  void whenChromiumSignsInOnTheHostedPageThenItArrivesAtTheCallbackWithACode() throws Exception {
    assertEquals(0, run.exitCode(), () -> run.stdout() + run.stderr());
    assertEquals("Sign in", passed("loginPage").path("title").asText());
    assertEquals(
        "Incorrect username or password.",
        passed("wrongPassword").path("message").asText().strip());
    assertEquals("xyz123", passed("callback").path("state").asText());
    assertTrue(Files.size(SHOTS.resolve("hosted-login.png")) > 1000);
  }
}
