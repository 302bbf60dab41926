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
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The hosted sign-in page in real headless Chromium (Debian's {@code /usr/bin/chromium}, driven by
 * playwright-core; src/test/js/hosted-page-browser.mjs): authorize → /login → a wrong password
 * shows Cognito's message → the right one lands on the callback with a code and the state. Then, on
 * a pool that requires MFA: the sign-up link → /signup → /confirm with the emailed code → /login →
 * TOTP setup (the code computed here, {@link TestTotp}) → the callback with a code that the token
 * endpoint redeems. Screenshots are kept in {@code local/target/hosted-page/}.
 */
class HostedPageBrowserIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static String redirect;
  private static com.sun.net.httpserver.HttpServer callbackServer;
  private static final Path SHOTS =
      Path.of(System.getProperty("basedir", ".")).resolve("target/hosted-page");

  private static NodeProject.Result run;
  private static String mfaPoolId;
  private static String mfaClientId;
  private static final Map<String, String> afterSignUp = new LinkedHashMap<>();
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
    // The browser script's helper: the confirmation code from the outbox, a TOTP code computed
    // here.
    String[] mfaPool = new String[1];
    callbackServer.createContext(
        "/code",
        exchange ->
            answer(
                exchange,
                () ->
                    server.lastCode(
                        mfaPool[0], exchange.getRequestURI().getQuery().replace("username=", ""))));
    callbackServer.createContext(
        "/totp",
        exchange ->
            answer(
                exchange,
                () ->
                    TestTotp.code(
                        exchange.getRequestURI().getQuery().replace("secret=", ""),
                        java.time.Instant.now())));
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
    mfaPool[0] =
        cognito
            .createUserPool(
                r ->
                    r.poolName("browser mfa")
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                        .schema(
                            SchemaAttributeType.builder()
                                .name("email")
                                .required(true)
                                .mutable(true)
                                .build())
                        .adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(false)))
            .userPool()
            .id();
    cognito.setUserPoolMfaConfig(
        r ->
            r.userPoolId(mfaPool[0])
                .mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(c -> c.enabled(true)));
    cognito.createUserPoolDomain(r -> r.userPoolId(mfaPool[0]).domain("browser-it-mfa"));
    mfaClientId =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(mfaPool[0])
                        .clientName("browser mfa")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid")
                        .callbackURLs(redirect)
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient()
            .clientId();
    mfaPoolId = mfaPool[0];
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
                SHOTS.toAbsolutePath().toString(),
                "USERPOOL_SIGNUP_AUTHORIZE_URL",
                server.endpoint()
                    + "/oauth2/authorize?response_type=code&client_id="
                    + mfaClientId
                    + "&redirect_uri="
                    + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8)
                    + "&scope=openid&state=signup42",
                "USERPOOL_HELPER_URL",
                "http://localhost:" + callbackServer.getAddress().getPort(),
                "USERPOOL_NEW_USERNAME",
                "newcomer"),
            Duration.ofMinutes(3));
    steps = new LinkedHashMap<>();
    for (JsonNode line : run.jsonLines()) {
      steps.put(line.path("step").asText(), line);
    }
    // The store is emptied between tests: what the second test checks is read now.
    if (steps.containsKey("signupCallback")) {
      var user = server.client().adminGetUser(r -> r.userPoolId(mfaPoolId).username("newcomer"));
      afterSignUp.put("status", user.userStatusAsString());
      afterSignUp.put("preferredMfa", user.preferredMfaSetting());
      var tokens =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(server.endpoint() + "/oauth2/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              HostedBrowser.encode(
                                  Map.of(
                                      "grant_type",
                                      "authorization_code",
                                      "client_id",
                                      mfaClientId,
                                      "code",
                                      steps.get("signupCallback").path("code").asText(),
                                      "redirect_uri",
                                      redirect))))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      afterSignUp.put("tokenStatus", String.valueOf(tokens.statusCode()));
      afterSignUp.put("tokenBody", tokens.body());
    }
  }

  private static void answer(
      com.sun.net.httpserver.HttpExchange exchange, java.util.concurrent.Callable<String> value)
      throws java.io.IOException {
    byte[] body;
    int status;
    try {
      body = value.call().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      status = 200;
    } catch (Exception e) {
      body = String.valueOf(e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      status = 500;
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
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

  @Test
  void whenChromiumSignsUpConfirmsAndSetsUpTotpThenItArrivesAtTheCallbackWithAWorkingCode()
      throws Exception {
    assertEquals(0, run.exitCode(), () -> run.stdout() + run.stderr());
    assertEquals("Sign up", passed("signupPage").path("title").asText());
    passed("confirmed");
    assertEquals(
        "Set up multi-factor authentication", passed("mfaSetupPage").path("title").asText());
    JsonNode callback = passed("signupCallback");
    assertEquals("signup42", callback.path("state").asText());
    assertEquals("CONFIRMED", afterSignUp.get("status"));
    assertEquals("SOFTWARE_TOKEN_MFA", afterSignUp.get("preferredMfa"));
    assertEquals("200", afterSignUp.get("tokenStatus"), afterSignUp.get("tokenBody"));
    assertTrue(Files.size(SHOTS.resolve("hosted-mfa-setup.png")) > 1000);
    assertTrue(Files.size(SHOTS.resolve("hosted-confirm.png")) > 1000);
  }
}
