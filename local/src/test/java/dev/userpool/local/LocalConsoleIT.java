package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The console page ({@code GET /_local/}) over state made with the real AWS SDK: a pool with a
 * client, a group, a signed-up user in that group and the code sent to them, plus a pool whose
 * user's name, attributes and invitation carry HTML and script. Read once as raw HTTP (headers,
 * escaping in the markup) and once in a real headless browser — Debian's Chromium driven by
 * playwright-core from {@code src/test/js/console-scenario.js} — whose full-page screenshot is kept
 * as {@code target/console/local-console.png}.
 */
class LocalConsoleIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final String SCRIPT = "<script>window.__pwned='script'</script>";
  private static final String IMG = "<img src=x onerror=\"window.__pwned='img'\">";

  /**
   * Cognito allows symbols and punctuation in usernames: {@code <}, {@code >}, {@code /}, {@code
   * =}, quotes.
   */
  private static final String EVIL_USERNAME = "<script>window.__pwned='username'</script>";

  @Test
  void theConsoleShowsPoolsClientsUsersGroupsAndTheOutboxInARealBrowser() throws Exception {
    State state = createState();

    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    Path screenshot =
        Path.of(System.getProperty("basedir", "."))
            .toAbsolutePath()
            .resolve("target/console/local-console.png");
    Files.deleteIfExists(screenshot);
    NodeProject.Result run =
        js.node(
            "console-scenario.js",
            Map.of(
                "CONSOLE_URL", server.endpoint() + "/_local/", "SCREENSHOT", screenshot.toString()),
            Duration.ofMinutes(2));
    assertEquals(0, run.exitCode(), "the browser scenario failed:\n" + run.stdout() + run.stderr());
    JsonNode page = run.jsonLines().get(0);
    String text = page.path("text").asText();

    assertAll(
        () -> assertEquals(200, page.path("status").asInt()),
        () -> assertEquals("Userpool local console", page.path("title").asText()),
        () -> assertTrue(text.contains("Pool console-demo"), text),
        () -> assertTrue(text.contains(state.poolId()), text),
        () -> assertTrue(text.contains(state.clientId()), "client id shown: " + text),
        () -> assertTrue(text.contains("ALLOW_USER_PASSWORD_AUTH"), text),
        () -> assertTrue(text.contains("carol"), text),
        () -> assertTrue(text.contains("carol@example.com"), text),
        () -> assertTrue(text.contains("UNCONFIRMED"), text),
        () -> assertTrue(text.contains("editors"), "group shown: " + text),
        () ->
            assertTrue(
                page.path("codes").toString().contains("\"" + state.code() + "\""),
                "the outbox shows the code " + state.code() + ": " + page.path("codes")),
        // The malicious values are shown as text, and none of them became an element or ran.
        () -> assertTrue(text.contains(EVIL_USERNAME), "the username is shown literally: " + text),
        () -> assertTrue(text.contains(SCRIPT + IMG), "the attribute is shown literally: " + text),
        () ->
            assertTrue(
                page.path("userCells").toString().contains("window.__pwned='username'"),
                page.path("userCells").toString()),
        () -> assertEquals(0, page.path("scriptElements").asInt()),
        () -> assertEquals(0, page.path("imgElements").asInt()),
        () -> assertEquals(0, page.path("elementsWithHandlers").asInt()),
        () -> assertTrue(page.path("pwned").isNull(), "script ran: " + page.path("pwned")),
        () -> assertTrue(Files.size(screenshot) > 10_000, "screenshot at " + screenshot));
  }

  @Test
  void thePageEscapesEveryValueAndForbidsScriptsByPolicy() throws Exception {
    createState();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/_local/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    String html = response.body();

    assertEquals(200, response.statusCode());
    assertEquals(
        "text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
    assertTrue(
        response
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'none'"));
    assertFalse(html.toLowerCase().contains("<script"), "no script element, escaped or not");
    assertFalse(html.toLowerCase().contains("<img"), "no img element");
    assertTrue(html.contains("&lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;"), html);
    assertTrue(
        html.contains("&lt;img src=x onerror=&quot;window.__pwned=&#39;img&#39;&quot;&gt;"), html);
    // The path without its slash serves the same page; other methods are not the console.
    assertEquals(
        200,
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/_local")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
    assertEquals(
        404,
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/_local/"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
  }

  @Test
  void anEmptyServerSaysHowToStart() throws Exception {
    String html =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/_local/")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(html.contains("No user pools yet"), html);
    assertTrue(html.contains("No messages yet"), html);
  }

  private record State(String poolId, String clientId, String code) {}

  private static State createState() throws Exception {
    CognitoIdentityProviderClient cognito = server.client();
    String poolId =
        cognito
            .createUserPool(
                r -> r.poolName("console-demo").autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
            .userPool()
            .id();
    String clientId =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web")
                        .explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .userPoolClient()
            .clientId();
    cognito.createGroup(
        r ->
            r.userPoolId(poolId).groupName("editors").precedence(1).description("Edits " + SCRIPT));
    cognito.signUp(
        r ->
            r.clientId(clientId)
                .username("carol")
                .password("Correct-Horse-42")
                .userAttributes(attribute("email", "carol@example.com")));
    cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username("carol").groupName("editors"));
    String code = server.lastCode(poolId, "carol");

    // A second pool whose user carries markup in the username, an attribute and the invitation that
    // names them.
    String evilPool = cognito.createUserPool(r -> r.poolName("console-escaping")).userPool().id();
    cognito.adminCreateUser(
        r ->
            r.userPoolId(evilPool)
                .username(EVIL_USERNAME)
                .userAttributes(
                    attribute("email", "mallory@example.com"), attribute("name", SCRIPT + IMG))
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
    List<JsonNode> invitations = server.messages(evilPool, null);
    assertEquals(1, invitations.size(), "the invitation reached the outbox");
    return new State(poolId, clientId, code);
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }
}
