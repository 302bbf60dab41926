package dev.userpool.local;

import static dev.userpool.local.FakeLambda.arn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Federation with a real, certified OpenID Provider (npm oidc-provider, its own login and consent
 * pages driven as a browser without JavaScript would): /oauth2/authorize?identity_provider=… sends
 * the browser there, /oauth2/idpresponse redeems the provider's code, verifies the ID token and
 * reads userinfo, and the app client gets our code for tokens of the user Corp_&lt;sub&gt;.
 */
class FederationOidcIT {
  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort().withLambdaEndpoint(lambda.endpoint()));

  static final String CALLBACK = "https://app.example.com/cb";
  private static final String OP_CLIENT_ID = "userpool-federation";
  private static final String OP_CLIENT_SECRET = "a-secret-the-provider-and-the-pool-share-0123";
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
  private static final Pattern FORM_POST_FIELD =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"\\s*/?>");
  private static final Pattern PROMPT = Pattern.compile("name=\"prompt\" value=\"([a-z]+)\"");

  private static NodeProject.Running provider;
  private static String issuer;
  private final CognitoIdentityProviderClient cognito = server.client();

  @BeforeAll
  static void startProvider() throws Exception {
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    provider =
        js.start(
            "oidc-provider-server.mjs",
            Map.of(
                "OIDC_CLIENT_ID", OP_CLIENT_ID,
                "OIDC_CLIENT_SECRET", OP_CLIENT_SECRET,
                "OIDC_REDIRECT_URI", server.endpoint() + "/oauth2/idpresponse"),
            Duration.ofSeconds(60));
    issuer = provider.ready().get("issuer").asText();
  }

  @AfterAll
  static void stopProvider() throws Exception {
    if (provider != null) {
      provider.close();
    }
  }

  /** A pool with PreSignUp and PostConfirmation, a domain, the provider "Corp" and a client. */
  private record Setup(String poolId, String clientId) {}

  private Setup setup(String name, String... supported) {
    return setup(name, false, supported);
  }

  /** {@code inbound}: the pool also has the InboundFederation function "inbound". */
  private Setup setup(String name, boolean inbound, String... supported) {
    String poolId =
        cognito
            .createUserPool(
                b ->
                    b.poolName(name)
                        .lambdaConfig(
                            c -> {
                              c.preSignUp(arn("presignup")).postConfirmation(arn("postconf"));
                              if (inbound) {
                                c.inboundFederation(
                                    f -> f.lambdaArn(arn("inbound")).lambdaVersion("V1_0"));
                              }
                            }))
            .userPool()
            .id();
    cognito.createUserPoolDomain(
        r -> r.userPoolId(poolId).domain("fed-" + poolId.toLowerCase().replace("_", "-")));
    cognito.createIdentityProvider(
        r ->
            r.userPoolId(poolId)
                .providerName("Corp")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(
                    Map.of(
                        "client_id", OP_CLIENT_ID,
                        "client_secret", OP_CLIENT_SECRET,
                        "attributes_request_method", "GET",
                        "oidc_issuer", issuer,
                        "authorize_scopes", "openid email profile"))
                .attributeMapping(Map.of("email", "email", "name", "name", "username", "sub"))
                .idpIdentifiers("corp.example"));
    String clientId =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid", "email", "profile")
                        .callbackURLs(CALLBACK)
                        .supportedIdentityProviders(supported))
            .userPoolClient()
            .clientId();
    return new Setup(poolId, clientId);
  }

  private String authorize(Setup s, String providerParameter) {
    return server.endpoint()
        + "/oauth2/authorize?response_type=code&client_id="
        + s.clientId()
        + "&redirect_uri="
        + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
        + "&scope=openid%20email%20profile&state=app-state-1&"
        + providerParameter;
  }

  /**
   * Follows redirects from {@code url} through the provider's login and consent pages (signing in
   * as {@code login}) until one leaves for the app's callback; that Location.
   */
  static String throughProvider(HostedBrowser browser, String url, String login) throws Exception {
    String current = url;
    HttpResponse<String> response = browser.get(current);
    for (int step = 0; step < 20; step++) {
      if (response.statusCode() == 200) {
        Matcher action = FORM_ACTION.matcher(response.body());
        Matcher prompt = PROMPT.matcher(response.body());
        boolean hasAction = action.find();
        if (hasAction && action.group(1).contains("/oauth2/idpresponse")) {
          // response_mode=form_post: the page POSTs the provider's answer to the pool
          current = unescape(action.group(1));
          Map<String, String> answer = new LinkedHashMap<>();
          Matcher hidden = FORM_POST_FIELD.matcher(response.body());
          while (hidden.find()) {
            answer.put(hidden.group(1), unescape(hidden.group(2)));
          }
          response = browser.postForm(current, answer);
          continue;
        }
        assertTrue(hasAction && prompt.find(), response.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("prompt", prompt.group(1));
        if (prompt.group(1).equals("login")) {
          form.put("login", login);
          form.put("password", "any");
        }
        current = URI.create(current).resolve(action.group(1)).toString();
        response = browser.postForm(current, form);
        continue;
      }
      assertTrue(
          response.statusCode() == 302 || response.statusCode() == 303,
          current + " answered " + response.statusCode() + ": " + response.body());
      String next = URI.create(current).resolve(HostedBrowser.location(response)).toString();
      if (next.startsWith(CALLBACK)) {
        return next;
      }
      current = next;
      response = browser.get(current);
    }
    throw new AssertionError("no redirect to the app after 20 steps; last at " + current);
  }

  /** HTML attribute text as the browser reads it. */
  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private JsonNode tokens(Setup s, String callbackLocation) throws Exception {
    return tokens(server.endpoint(), s.clientId(), callbackLocation);
  }

  /** The app's code in {@code callbackLocation} redeemed at the pool's token endpoint. */
  static JsonNode tokens(String endpoint, String clientId, String callbackLocation)
      throws Exception {
    Map<String, String> back = HostedBrowser.parameters(callbackLocation, false);
    assertEquals("app-state-1", back.get("state"), callbackLocation);
    assertTrue(back.containsKey("code"), callbackLocation);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(endpoint + "/oauth2/token"))
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
                                    back.get("code"),
                                    "redirect_uri",
                                    CALLBACK))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return Json.read(response.body());
  }

  static JsonNode claims(String jwt) {
    return Json.read(
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String attribute(AdminGetUserResponse user, String name) {
    return user.userAttributes().stream()
        .filter(a -> a.name().equals(name))
        .map(AttributeType::value)
        .findFirst()
        .orElse(null);
  }

  private static void rename(String account, String name) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            issuer
                                + "/_test/name?account="
                                + account
                                + "&name="
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(204, r.statusCode());
  }

  @Test
  void whenUserSignsInAtTheProviderThenThePoolCreatesTheFederatedUserAndIssuesItsTokens()
      throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    Setup s = setup("federation", "Corp");

    String back =
        throughProvider(new HostedBrowser(), authorize(s, "identity_provider=Corp"), "alice");
    JsonNode tokens = tokens(s, back);

    JsonNode id = claims(tokens.get("id_token").asText());
    assertEquals("Corp_alice", id.get("cognito:username").asText());
    assertEquals("alice@idp.example", id.get("email").asText());
    assertEquals("alice at the provider", id.get("name").asText());
    JsonNode identity = id.get("identities").get(0);
    assertEquals("alice", identity.get("userId").asText());
    assertEquals("Corp", identity.get("providerName").asText());
    assertEquals("OIDC", identity.get("providerType").asText());
    assertEquals(issuer, identity.get("issuer").asText());
    // in the token, as in Cognito's: primary and dateCreated as strings
    assertEquals("true", identity.get("primary").textValue());
    assertTrue(identity.get("dateCreated").textValue().matches("\\d{13}"));
    assertEquals(
        "Corp_alice", claims(tokens.get("access_token").asText()).get("username").asText());

    AdminGetUserResponse user =
        cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("Corp_alice"));
    assertEquals(UserStatusType.EXTERNAL_PROVIDER, user.userStatus());
    assertEquals("alice@idp.example", attribute(user, "email"));
    assertEquals(id.get("sub").asText(), attribute(user, "sub"));
    assertTrue(attribute(user, "identities").contains("\"providerName\":\"Corp\""));

    JsonNode pre = lambda.lastEvent("presignup");
    assertEquals("PreSignUp_ExternalProvider", pre.get("triggerSource").asText());
    assertEquals("Corp_alice", pre.get("userName").asText());
    assertEquals("alice@idp.example", pre.at("/request/userAttributes/email").asText());
    JsonNode post = lambda.lastEvent("postconf");
    assertEquals("PostConfirmation_ConfirmSignUp", post.get("triggerSource").asText());
    assertEquals("Corp_alice", post.get("userName").asText());
    assertEquals(
        "EXTERNAL_PROVIDER", post.at("/request/userAttributes/cognito:user_status").asText());

    // second sign-in (the provider remembers alice): same user, attributes updated, no triggers,
    // and its groups in the tokens as for any user
    rename("alice", "Alice Renamed");
    cognito.createGroup(r -> r.userPoolId(s.poolId()).groupName("partners"));
    cognito.adminAddUserToGroup(
        r -> r.userPoolId(s.poolId()).username("Corp_alice").groupName("partners"));
    HostedBrowser again = new HostedBrowser();
    JsonNode second =
        tokens(s, throughProvider(again, authorize(s, "idp_identifier=corp.example"), "alice"));
    assertEquals(
        id.get("sub").asText(), claims(second.get("id_token").asText()).get("sub").asText());
    assertEquals(
        "partners",
        claims(second.get("access_token").asText()).get("cognito:groups").get(0).asText());
    assertEquals(
        "Alice Renamed",
        attribute(
            cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("Corp_alice")), "name"));
    assertEquals(1, cognito.listUsers(r -> r.userPoolId(s.poolId())).users().size());
    assertEquals(1, lambda.events("presignup").size());
    assertEquals(1, lambda.events("postconf").size());
  }

  @Test
  void whenThePoolHasAnInboundFederationFunctionThenItsAnswerIsWhatTheAttributeMappingReads()
      throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    lambda.function(
        "inbound",
        event -> {
          // keeps only the name, rewritten; the email it leaves out is dropped
          String name = event.at("/request/attributes/userInfo/name").asText();
          return FakeLambda.Answer.raw(
              "{\"response\":{\"userAttributesToMap\":{\"name\":\""
                  + name.toUpperCase(java.util.Locale.ROOT)
                  + "\"}}}");
        });
    Setup s = setup("inbound", true, "Corp");

    JsonNode tokens =
        tokens(
            s, throughProvider(new HostedBrowser(), authorize(s, "identity_provider=Corp"), "bob"));

    JsonNode event = lambda.lastEvent("inbound");
    assertEquals("InboundFederation_ExternalProvider", event.get("triggerSource").asText());
    assertEquals("Corp", event.at("/request/providerName").asText());
    assertEquals("OIDC", event.at("/request/providerType").asText());
    assertEquals("bob", event.at("/request/attributes/idToken/sub").asText());
    assertEquals("bob@idp.example", event.at("/request/attributes/userInfo/email").asText());
    AdminGetUserResponse user =
        cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("Corp_bob"));
    assertEquals("BOB AT THE PROVIDER", attribute(user, "name"));
    assertEquals(null, attribute(user, "email"));
    assertEquals(
        "Corp_bob", claims(tokens.get("id_token").asText()).get("cognito:username").asText());

    // a failing function refuses the sign-in as other triggers do
    lambda.function("inbound", e -> FakeLambda.Answer.functionError("not today"));
    Map<String, String> error =
        HostedBrowser.parameters(
            throughProvider(new HostedBrowser(), authorize(s, "identity_provider=Corp"), "bob"),
            false);
    assertTrue(
        error.get("error_description").contains("InboundFederation failed with error not today"),
        error.toString());
  }

  @Test
  void whenPreSignUpRefusesThenTheAppGetsCognitosErrorAndNoUserExists() throws Exception {
    lambda.function("presignup", event -> FakeLambda.Answer.functionError("no outsiders"));
    Setup s = setup("refused", "Corp");

    String back =
        throughProvider(new HostedBrowser(), authorize(s, "identity_provider=Corp"), "mallory");

    Map<String, String> error = HostedBrowser.parameters(back, false);
    assertEquals("invalid_request", error.get("error"), back);
    assertEquals("app-state-1", error.get("state"));
    assertTrue(error.get("error_description").contains("PreSignUp failed with error no outsiders"));
    assertTrue(cognito.listUsers(r -> r.userPoolId(s.poolId())).users().isEmpty());
  }

  @Test
  void whenProviderIsNotSupportedByTheClientOrUnknownThenTheAppGetsUnauthorizedClient()
      throws Exception {
    Setup s = setup("unsupported", "COGNITO");
    for (String parameter : new String[] {"identity_provider=Corp", "identity_provider=Nobody"}) {
      HttpResponse<String> r = new HostedBrowser().get(authorize(s, parameter));
      assertEquals(302, r.statusCode());
      String location = HostedBrowser.location(r);
      assertTrue(location.startsWith(CALLBACK), location);
      assertEquals("unauthorized_client", HostedBrowser.parameters(location, false).get("error"));
    }
  }

  @Test
  void whenStateIsForgedOrNonceIsWrongThenNoCodeIsIssued() throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    Setup s = setup("forged", "Corp");
    HostedBrowser browser = new HostedBrowser();
    String toProvider = HostedBrowser.location(browser.get(authorize(s, "identity_provider=Corp")));
    assertTrue(toProvider.startsWith(issuer + "/auth?"), toProvider);
    Map<String, String> sent = HostedBrowser.parameters(toProvider, false);
    assertEquals(OP_CLIENT_ID, sent.get("client_id"));
    assertEquals(server.endpoint() + "/oauth2/idpresponse", sent.get("redirect_uri"));
    assertEquals("openid email profile", sent.get("scope"));
    assertFalse(sent.get("nonce").isEmpty());

    // a state we did not seal
    HttpResponse<String> forged =
        browser.get(server.endpoint() + "/oauth2/idpresponse?code=abc&state=" + "x".repeat(60));
    assertEquals(400, forged.statusCode());
    assertFalse(forged.headers().firstValue("Location").isPresent());

    // the provider signs an ID token for another nonce: our sealed state names the one we sent
    sent.put("nonce", "not-the-nonce-we-sent");
    String tampered = issuer + "/auth?" + HostedBrowser.encode(sent);
    String back = throughProvider(browser, tampered, "trudy");
    Map<String, String> error = HostedBrowser.parameters(back, false);
    assertEquals("invalid_request", error.get("error"), back);
    assertEquals("Invalid ID token", error.get("error_description"));
    assertFalse(error.containsKey("code"));
    assertTrue(cognito.listUsers(r -> r.userPoolId(s.poolId())).users().isEmpty());
  }

  @Test
  void whenIdTokenIsNotSignedByAKeyOfTheProvidersJwksThenItIsRefused() throws Exception {
    Setup s = setup("badkeys", "Corp", "Other");
    JsonNode discovery =
        Json.read(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    // "Other" is the same provider, but the pool was told another JWKS (the pool's own keys)
    cognito.createIdentityProvider(
        r ->
            r.userPoolId(s.poolId())
                .providerName("Other")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(
                    Map.of(
                        "client_id",
                        OP_CLIENT_ID,
                        "client_secret",
                        OP_CLIENT_SECRET,
                        "attributes_request_method",
                        "POST",
                        "oidc_issuer",
                        issuer,
                        "authorize_scopes",
                        "openid email",
                        "authorize_url",
                        discovery.get("authorization_endpoint").asText(),
                        "token_url",
                        discovery.get("token_endpoint").asText(),
                        "attributes_url",
                        discovery.get("userinfo_endpoint").asText(),
                        "jwks_uri",
                        server.endpoint() + "/" + s.poolId() + "/.well-known/jwks.json"))
                .attributeMapping(Map.of("email", "email")));
    cognito.updateUserPoolClient(
        r ->
            r.userPoolId(s.poolId())
                .clientId(s.clientId())
                .allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthScopes("openid", "email", "profile")
                .callbackURLs(CALLBACK)
                .supportedIdentityProviders("Corp", "Other"));

    String back =
        throughProvider(new HostedBrowser(), authorize(s, "identity_provider=Other"), "eve");

    Map<String, String> error = HostedBrowser.parameters(back, false);
    assertEquals("Invalid ID token", error.get("error_description"), back);
    assertTrue(cognito.listUsers(r -> r.userPoolId(s.poolId())).users().isEmpty());
    assertNotEquals(null, error.get("error"));
  }

  private void link(Setup s, String destination, String provider, String subject) {
    cognito.adminLinkProviderForUser(
        r ->
            r.userPoolId(s.poolId())
                .destinationUser(
                    u ->
                        u.providerName("Cognito")
                            .providerAttributeName("Cognito_Subject")
                            .providerAttributeValue(destination))
                .sourceUser(
                    u ->
                        u.providerName(provider)
                            .providerAttributeName("Cognito_Subject")
                            .providerAttributeValue(subject)));
  }

  @Test
  void whenIdentityIsLinkedToANativeUserThenItsSignInLandsOnThatUserUntilTheLinkIsDisabled()
      throws Exception {
    lambda.allow("presignup");
    lambda.allow("postconf");
    Setup s = setup("linked", "Corp");
    SignInFixtures.confirmedUser(
        cognito,
        s.poolId(),
        "bob",
        AttributeType.builder().name("email").value("bob@example.com").build());
    String bobSub =
        attribute(cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("bob")), "sub");

    link(s, "bob", "Corp", "carol");
    int preSignUps = lambda.events("presignup").size();

    AdminGetUserResponse bob = cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("bob"));
    JsonNode identities = Json.read(attribute(bob, "identities"));
    assertEquals("carol", identities.get(0).get("userId").asText());
    assertEquals("Corp", identities.get(0).get("providerName").asText());
    assertEquals(UserStatusType.CONFIRMED, bob.userStatus());

    JsonNode tokens =
        tokens(
            s,
            throughProvider(new HostedBrowser(), authorize(s, "identity_provider=Corp"), "carol"));
    JsonNode id = claims(tokens.get("id_token").asText());
    assertEquals("bob", id.get("cognito:username").asText());
    assertEquals(bobSub, id.get("sub").asText());
    assertEquals("bob@example.com", id.get("email").asText());
    assertEquals("Corp", id.get("identities").get(0).get("providerName").asText());
    assertEquals("bob", claims(tokens.get("access_token").asText()).get("username").asText());
    assertEquals(1, cognito.listUsers(r -> r.userPoolId(s.poolId())).users().size());
    assertEquals(preSignUps, lambda.events("presignup").size());

    // linked again, or an identity that already signed in as its own user: refused
    var again =
        org.junit.jupiter.api.Assertions.assertThrows(
            software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException
                .class,
            () -> link(s, "bob", "Corp", "carol"));
    assertTrue(
        again.getMessage().startsWith("Merging is not currently supported"), again.getMessage());
    var cognitoSource =
        org.junit.jupiter.api.Assertions.assertThrows(
            software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException
                .class,
            () -> link(s, "bob", "Cognito", "someone"));
    assertTrue(
        cognitoSource
            .getMessage()
            .startsWith("Invalid SourceUser: Cognito users with a username/password"),
        cognitoSource.getMessage());

    // disabling the identity removes the link: carol's next sign-in is a user of her own
    cognito.adminDisableProviderForUser(
        r ->
            r.userPoolId(s.poolId())
                .user(
                    u ->
                        u.providerName("Corp")
                            .providerAttributeName("Cognito_Subject")
                            .providerAttributeValue("carol")));
    assertEquals(
        null,
        attribute(
            cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("bob")), "identities"));
    JsonNode own =
        claims(
            tokens(
                    s,
                    throughProvider(
                        new HostedBrowser(), authorize(s, "identity_provider=Corp"), "carol"))
                .get("id_token")
                .asText());
    assertEquals("Corp_carol", own.get("cognito:username").asText());
    assertNotEquals(bobSub, own.get("sub").asText());

    var merging =
        org.junit.jupiter.api.Assertions.assertThrows(
            software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException
                .class,
            () -> link(s, "bob", "Corp", "carol"));
    assertTrue(merging.getMessage().startsWith("Merging is not currently supported"));

    // disabling the federated user of its own: it can no longer sign in
    cognito.adminDisableProviderForUser(
        r ->
            r.userPoolId(s.poolId())
                .user(
                    u ->
                        u.providerName("Corp")
                            .providerAttributeName("Cognito_Subject")
                            .providerAttributeValue("carol")));
    assertFalse(
        cognito.adminGetUser(r -> r.userPoolId(s.poolId()).username("Corp_carol")).enabled());
    String refused =
        throughProvider(new HostedBrowser(), authorize(s, "identity_provider=Corp"), "carol");
    Map<String, String> error = HostedBrowser.parameters(refused, false);
    assertEquals("invalid_request", error.get("error"), refused);
    assertEquals("User is disabled.", error.get("error_description"));
  }
}
