package dev.userpool.local;

import static dev.userpool.local.FakeLambda.arn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;

/**
 * The hosted sign-in runs the same authentication code as InitiateAuth: Pre/Post Authentication and
 * Pre Token Generation (trigger source TokenGeneration_HostedAuth) fire, a refusing trigger's
 * message is shown on the page, PreventUserExistenceErrors hides unknown users, and repeated
 * failures lock the user out.
 */
@TestMethodOrder(MethodOrderer.DisplayName.class)
class HostedSignInTriggersIT {
  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort().withLambdaEndpoint(lambda.endpoint()));

  private static final String CALLBACK = "https://app.example.com/cb";
  private final CognitoIdentityProviderClient cognito = server.client();

  private String clientId(String poolId, boolean hideUsers) {
    cognito.createUserPoolDomain(
        r -> r.userPoolId(poolId).domain("hosted-" + poolId.toLowerCase().replace("_", "-")));
    return cognito
        .createUserPoolClient(
            r ->
                r.userPoolId(poolId)
                    .clientName("web")
                    .allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid")
                    .callbackURLs(CALLBACK)
                    .supportedIdentityProviders("COGNITO")
                    .preventUserExistenceErrors(
                        hideUsers
                            ? PreventUserExistenceErrorTypes.ENABLED
                            : PreventUserExistenceErrorTypes.LEGACY))
        .userPoolClient()
        .clientId();
  }

  private String loginUrl(HostedBrowser browser, String clientId) throws Exception {
    return HostedBrowser.location(
        browser.get(
            server.endpoint()
                + "/oauth2/authorize?response_type=code&client_id="
                + clientId
                + "&redirect_uri="
                + java.net.URLEncoder.encode(CALLBACK, java.nio.charset.StandardCharsets.UTF_8)
                + "&scope=openid"));
  }

  @Test
  void whenTriggersAreConfiguredThenTheHostedSignInFiresThemAndTheTokensCarryTheirClaims()
      throws Exception {
    lambda.allow("preauth");
    lambda.allow("postauth");
    lambda.respond(
        "pretoken",
        response -> {
          ((ObjectNode) response)
              .putObject("claimsOverrideDetails")
              .putObject("claimsToAddOrOverride")
              .put("tenant", "acme");
          return response;
        });
    String poolId =
        cognito
            .createUserPool(
                b ->
                    b.poolName("hosted")
                        .lambdaConfig(
                            c ->
                                c.preAuthentication(arn("preauth"))
                                    .postAuthentication(arn("postauth"))
                                    .preTokenGeneration(arn("pretoken"))))
            .userPool()
            .id();
    String clientId = clientId(poolId, false);
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "alice",
        AttributeType.builder().name("email").value("alice@example.com").build());

    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> done =
        browser.signIn(loginUrl(browser, clientId), "alice", SignInFixtures.PASSWORD);
    assertEquals(302, done.statusCode(), done.body());
    assertEquals(
        "PreAuthentication_Authentication",
        lambda.lastEvent("preauth").get("triggerSource").asText());
    assertEquals(
        "PostAuthentication_Authentication",
        lambda.lastEvent("postauth").get("triggerSource").asText());

    String code = HostedBrowser.parameters(HostedBrowser.location(done), false).get("code");
    HttpResponse<String> tokens =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            HostedBrowser.encode(
                                Map.of(
                                    "grant_type",
                                    "authorization_code",
                                    "client_id",
                                    clientId,
                                    "code",
                                    code,
                                    "redirect_uri",
                                    CALLBACK))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, tokens.statusCode(), tokens.body());
    assertEquals(
        "TokenGeneration_HostedAuth", lambda.lastEvent("pretoken").get("triggerSource").asText());
    JsonNode id =
        Json.read(
            new String(
                Base64.getUrlDecoder()
                    .decode(Json.read(tokens.body()).get("id_token").asText().split("\\.")[1])));
    assertEquals("acme", id.get("tenant").asText());
  }

  @Test
  void whenPreAuthenticationRefusesThenThePageShowsItsMessageAndNoCodeIsIssued() throws Exception {
    lambda.function("closed", event -> FakeLambda.Answer.functionError("Not during maintenance"));
    String poolId =
        cognito
            .createUserPool(
                b -> b.poolName("hosted").lambdaConfig(c -> c.preAuthentication(arn("closed"))))
            .userPool()
            .id();
    String clientId = clientId(poolId, false);
    SignInFixtures.confirmedUser(cognito, poolId, "alice");
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> page =
        browser.signIn(loginUrl(browser, clientId), "alice", SignInFixtures.PASSWORD);
    assertEquals(200, page.statusCode());
    assertTrue(
        page.body().contains("PreAuthentication failed with error Not during maintenance."),
        page.body());
  }

  @Test
  void whenTheClientHidesUsersThenUnknownNamesGetTheWrongPasswordMessageAndFailuresLockOut()
      throws Exception {
    String poolId = cognito.createUserPool(b -> b.poolName("hosted")).userPool().id();
    String clientId = clientId(poolId, true);
    SignInFixtures.confirmedUser(cognito, poolId, "alice");
    HostedBrowser browser = new HostedBrowser();
    String login = loginUrl(browser, clientId);
    assertTrue(
        browser
            .signIn(login, "nobody", "Whatever-1!")
            .body()
            .contains("Incorrect username or password."));
    String last = "";
    for (int i = 0; i < 6; i++) {
      last = browser.signIn(login, "alice", "Wrong-Passw0rd!").body();
    }
    assertTrue(last.contains("Password attempts exceeded"), last);
  }
}
