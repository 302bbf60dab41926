package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.protocol.Json;
import dev.userpool.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DefaultEmailOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Verification by link (VerificationMessageTemplate.DefaultEmailOption CONFIRM_WITH_LINK, ADR
 * 0022): SignUp and ResendConfirmationCode email a link to the pool domain's {@code /confirmUser},
 * read here from {@code GET /_local/messages}; following it with a plain HTTP client confirms the
 * user once, and a wrong, superseded, expired or used code shows the error page with Cognito's
 * message. The CustomMessage function gets the link placeholder, and its own placeholder becomes
 * the link. A pool without a domain cannot send links.
 */
class ConfirmationLinkIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());
  private static final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private static final HttpServer lambda = startLambda();

  @RegisterExtension
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort()
              .withLambdaEndpoint("http://127.0.0.1:" + lambda.getAddress().getPort()),
          CLOCK);

  private static final Pattern LINK =
      Pattern.compile("<a href=\"([^\"]*/confirmUser\\?[^\"]*)\">([^<]*)</a>");

  private final CognitoIdentityProviderClient cognito = server.client();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void reset() {
    CLOCK.set(Instant.now());
    events.clear();
  }

  @AfterAll
  static void stopLambda() {
    lambda.stop(0);
  }

  /** A CustomMessage function that records its event and answers with its own link text. */
  private static HttpServer startLambda() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
      s.createContext("/2015-03-31/functions/", ConfirmationLinkIT::invoke);
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void invoke(HttpExchange exchange) throws IOException {
    ObjectNode event =
        (ObjectNode)
            Json.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    events.add(event);
    String link = event.path("request").path("linkParameter").asText();
    event
        .putObject("response")
        .put("emailSubject", "Welcome aboard")
        .put("emailMessage", "<p>Hello!</p><p>" + link + "</p>");
    byte[] bytes = event.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Pool(String poolId, String clientId) {}

  /**
   * A pool confirming sign-ups by link, emails by the pool's SES identity, with or without a
   * domain.
   */
  private Pool pool(boolean domain, Consumer<CreateUserPoolRequest.Builder> extra) {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b -> {
              b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                  .usernameAttributes(UsernameAttributeType.EMAIL)
                  .verificationMessageTemplate(
                      t ->
                          t.defaultEmailOption(DefaultEmailOptionType.CONFIRM_WITH_LINK)
                              .emailSubjectByLink("Confirm your account")
                              .emailMessageByLink("Welcome! {##Confirm my account##}"))
                  .emailConfiguration(
                      e ->
                          e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                              .from("no-reply@example.com")
                              .sourceArn(
                                  "arn:aws:ses:us-east-1:123456789012:identity/example.com"));
              extra.accept(b);
            });
    if (domain) {
      cognito.createUserPoolDomain(
          r -> r.userPoolId(poolId).domain("links-" + poolId.toLowerCase().replace("_", "-")));
    }
    return new Pool(poolId, SignInFixtures.client(cognito, poolId).clientId());
  }

  private Pool pool() {
    return pool(true, b -> {});
  }

  private CodeDeliveryDetailsType signUp(Pool pool, String email) {
    return cognito
        .signUp(
            b ->
                b.clientId(pool.clientId())
                    .username(email)
                    .password(SignInFixtures.PASSWORD)
                    .userAttributes(AttributeType.builder().name("email").value(email).build()))
        .codeDeliveryDetails();
  }

  private JsonNode lastMessage(Pool pool, String email) throws Exception {
    List<JsonNode> messages = server.messages(pool.poolId(), email);
    assertFalse(messages.isEmpty(), "no message to " + email);
    return messages.get(messages.size() - 1);
  }

  /** The href of the email's link, as a browser reads it (entities decoded). */
  private static String link(JsonNode message) {
    Matcher m = LINK.matcher(message.get("message").asText());
    assertTrue(m.find(), () -> "no confirmation link in " + message);
    return m.group(1).replace("&amp;", "&");
  }

  private HttpResponse<String> open(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private UserStatusType status(Pool pool, String email) {
    return cognito.adminGetUser(b -> b.userPoolId(pool.poolId()).username(email)).userStatus();
  }

  @Test
  void whenAUserFollowsTheSignUpLinkThenTheyAreConfirmedOnceAndTheEmailIsVerified()
      throws Exception {
    Pool pool = pool();
    CodeDeliveryDetailsType sent = signUp(pool, "ana@example.com");
    assertEquals(DeliveryMediumType.EMAIL, sent.deliveryMedium());
    assertEquals("email", sent.attributeName());

    JsonNode message = lastMessage(pool, "ana@example.com");
    assertEquals("Confirm your account", message.get("subject").asText());
    Matcher m = LINK.matcher(message.get("message").asText());
    assertTrue(m.find(), message.toString());
    assertEquals("Confirm my account", m.group(2));
    assertTrue(
        message.get("message").asText().startsWith("Welcome! <a href=\""), message.toString());
    String url = link(message);
    String sub = message.get("username").asText();
    assertEquals(
        server.endpoint()
            + "/confirmUser?client_id="
            + pool.clientId()
            + "&user_name="
            + sub
            + "&confirmation_code="
            + message.get("code").asText(),
        url);
    assertFalse(
        message.get("message").asText().contains(message.get("code").asText() + " "),
        "the code travels only inside the link");

    HttpResponse<String> page = open(url);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("Your registration has been confirmed!"), page.body());
    assertEquals(UserStatusType.CONFIRMED, status(pool, "ana@example.com"));
    assertTrue(
        cognito
            .adminGetUser(b -> b.userPoolId(pool.poolId()).username("ana@example.com"))
            .userAttributes()
            .stream()
            .anyMatch(a -> a.name().equals("email_verified") && a.value().equals("true")));

    HttpResponse<String> again = open(url);
    assertEquals(400, again.statusCode());
    assertTrue(again.body().contains("An error was encountered with the requested page."));
    assertTrue(
        again.body().contains("User cannot be confirmed. Current status is CONFIRMED"),
        again.body());
  }

  @Test
  void whenTheCodeIsResentThenOnlyTheNewLinkConfirms() throws Exception {
    Pool pool = pool();
    signUp(pool, "ben@example.com");
    String first = link(lastMessage(pool, "ben@example.com"));
    CodeDeliveryDetailsType resent =
        cognito
            .resendConfirmationCode(b -> b.clientId(pool.clientId()).username("ben@example.com"))
            .codeDeliveryDetails();
    assertEquals(DeliveryMediumType.EMAIL, resent.deliveryMedium());
    JsonNode message = lastMessage(pool, "ben@example.com");
    assertEquals("Confirm your account", message.get("subject").asText());
    String second = link(message);

    HttpResponse<String> old = open(first);
    assertEquals(400, old.statusCode());
    assertTrue(
        old.body().contains("Invalid verification code provided, please try again."), old.body());
    assertEquals(UserStatusType.UNCONFIRMED, status(pool, "ben@example.com"));

    assertEquals(200, open(second).statusCode());
    assertEquals(UserStatusType.CONFIRMED, status(pool, "ben@example.com"));
  }

  @Test
  void whenTheLinkIsExpiredWrongOrForgedThenTheErrorPageSaysSoAndNothingChanges() throws Exception {
    Pool pool = pool();
    signUp(pool, "cy@example.com");
    String url = link(lastMessage(pool, "cy@example.com"));
    String code = url.substring(url.lastIndexOf('=') + 1);
    String wrong = url.substring(0, url.lastIndexOf('=') + 1) + (code.equals("000000") ? "1" : "0");

    HttpResponse<String> mismatch = open(wrong);
    assertEquals(400, mismatch.statusCode());
    assertTrue(mismatch.body().contains("Invalid verification code provided, please try again."));

    HttpResponse<String> forged =
        open(
            server.endpoint()
                + "/confirmUser?client_id="
                + pool.clientId()
                + "&user_name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&confirmation_code=123456");
    assertEquals(400, forged.statusCode());
    assertFalse(forged.body().contains("<script>"), forged.body());

    HttpResponse<String> unknownClient =
        open(server.endpoint() + "/confirmUser?client_id=nosuch&user_name=x&confirmation_code=1");
    assertEquals(400, unknownClient.statusCode());
    assertTrue(unknownClient.body().contains("invalid_request"), unknownClient.body());

    HttpResponse<String> missing =
        open(server.endpoint() + "/confirmUser?client_id=" + pool.clientId());
    assertEquals(400, missing.statusCode());

    CLOCK.advance(Duration.ofHours(24).plusSeconds(1));
    HttpResponse<String> expired = open(url);
    assertEquals(400, expired.statusCode());
    assertTrue(
        expired.body().contains("Invalid code provided, please request a code again."),
        expired.body());
    assertEquals(UserStatusType.UNCONFIRMED, status(pool, "cy@example.com"));
  }

  @Test
  void whenThePoolHasNoDomainThenSignUpFailsAsCognitoDoesAndCreatesNoUser() {
    Pool pool = pool(false, b -> {});
    Expect.error(
        InvalidParameterException.class,
        "Cannot perform specific action because there does not exist a valid use pool domain"
            + " associated with the user pool",
        () -> signUp(pool, "dee@example.com"));
    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(b -> b.userPoolId(pool.poolId()).username("dee@example.com")));
  }

  @Test
  void whenTheCustomMessageFunctionUsesTheLinkParameterThenItsTextCarriesTheLink()
      throws Exception {
    Pool pool =
        pool(
            true,
            b ->
                b.lambdaConfig(
                    l -> l.customMessage("arn:aws:lambda:us-east-1:123456789012:function:msg")));
    signUp(pool, "eve@example.com");
    cognito.resendConfirmationCode(b -> b.clientId(pool.clientId()).username("eve@example.com"));

    assertEquals(2, events.size());
    assertEquals("CustomMessage_SignUp", events.get(0).get("triggerSource").asText());
    assertEquals("CustomMessage_ResendCode", events.get(1).get("triggerSource").asText());
    for (JsonNode event : events) {
      assertEquals("{##Click Here##}", event.path("request").path("linkParameter").asText());
      assertEquals("{####}", event.path("request").path("codeParameter").asText());
    }
    JsonNode message = lastMessage(pool, "eve@example.com");
    assertEquals("Welcome aboard", message.get("subject").asText());
    Matcher m = LINK.matcher(message.get("message").asText());
    assertTrue(m.find(), message.toString());
    assertEquals("Click Here", m.group(2));
    assertEquals(200, open(link(message)).statusCode());
    assertEquals(UserStatusType.CONFIRMED, status(pool, "eve@example.com"));
  }

  @Test
  void whenTheClientHasASecretThenTheLinkStillConfirms() throws Exception {
    Pool pool = pool();
    var client =
        SignInFixtures.client(
            cognito, pool.poolId(), b -> b.generateSecret(true).clientName("app"));
    cognito.signUp(
        b ->
            b.clientId(client.clientId())
                .secretHash(
                    SignInFixtures.secretHash(
                        client.clientSecret(), "fay@example.com", client.clientId()))
                .username("fay@example.com")
                .password(SignInFixtures.PASSWORD));
    String url = link(lastMessage(pool, "fay@example.com"));
    assertTrue(url.contains("client_id=" + client.clientId()), url);
    HttpResponse<String> page = open(url);
    assertEquals(200, page.statusCode(), page.body());
    assertEquals(UserStatusType.CONFIRMED, status(pool, "fay@example.com"));
  }

  @Test
  void whenAUserSignsUpOnTheHostedPageThenThePageSpeaksOfTheLinkAndTheLinkLetsThemSignIn()
      throws Exception {
    Pool pool = pool();
    String callback = "https://app.example.com/cb";
    String clientId = webClient(pool, callback);
    String query =
        "?response_type=code&client_id="
            + clientId
            + "&redirect_uri="
            + URLEncoder.encode(callback, StandardCharsets.UTF_8)
            + "&scope=openid";
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> form = browser.get(server.endpoint() + "/signup" + query);
    assertEquals(200, form.statusCode(), form.body());
    java.util.Map<String, String> fields = HostedBrowser.hiddenFields(form.body());
    fields.put("username", "gus@example.com");
    fields.put("password", SignInFixtures.PASSWORD);
    HttpResponse<String> sent = browser.postForm(server.endpoint() + "/signup" + query, fields);
    assertEquals(200, sent.statusCode(), sent.body());
    assertTrue(sent.body().contains("We have sent a link by email to g***@e***"), sent.body());
    assertFalse(sent.body().contains("name=\"confirmation_code\""), sent.body());
    assertTrue(sent.body().contains("Send a new link"), sent.body());

    String url = link(lastMessage(pool, "gus@example.com"));
    assertTrue(url.startsWith(server.endpoint() + "/confirmUser?client_id=" + clientId), url);
    assertEquals(200, browser.get(url).statusCode());
    HttpResponse<String> signedIn =
        browser.signIn(
            server.endpoint() + "/login" + query, "gus@example.com", SignInFixtures.PASSWORD);
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    assertTrue(HostedBrowser.location(signedIn).startsWith(callback + "?code="));
  }

  /**
   * The link's host follows the same rule as the hosted pages: the URL the request reached (locally
   * the server, in AWS the API's URL; the pool domain's own host is not served by a deployment,
   * README "OAuth 2.0"). A sign-up sent to another name of this server gets a link on that name,
   * the very host /oauth2/authorize sends the browser to for /login.
   */
  @Test
  void whenSignUpReachesTheServerUnderAnotherNameThenTheLinkHasTheHostOfTheHostedPages()
      throws Exception {
    Pool pool = pool();
    String callback = "https://app.example.com/cb";
    String clientId = webClient(pool, callback);
    URI other = URI.create(server.endpoint().replace("://localhost:", "://127.0.0.1:"));
    assertFalse(other.toString().equals(server.endpoint()), "another name of the same server");
    try (CognitoIdentityProviderClient viaOtherName =
        LocalServerExtension.clientFor(other.toString(), Region.US_EAST_1)) {
      viaOtherName.signUp(
          b ->
              b.clientId(clientId)
                  .username("hal@example.com")
                  .password(SignInFixtures.PASSWORD)
                  .userAttributes(
                      AttributeType.builder().name("email").value("hal@example.com").build()));
    }
    URI link = URI.create(link(lastMessage(pool, "hal@example.com")));
    HttpResponse<String> authorize =
        open(
            other
                + "/oauth2/authorize?response_type=code&client_id="
                + clientId
                + "&redirect_uri="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8)
                + "&scope=openid");
    assertEquals(302, authorize.statusCode(), authorize.body());
    URI login = URI.create(authorize.headers().firstValue("Location").orElseThrow());

    assertEquals("/login", login.getPath());
    assertEquals(login.getScheme() + "://" + login.getAuthority(), other.toString());
    assertEquals(login.getScheme(), link.getScheme());
    assertEquals(login.getAuthority(), link.getAuthority());
    assertEquals("/confirmUser", link.getPath());
    assertEquals(200, open(link.toString()).statusCode());
    assertEquals(UserStatusType.CONFIRMED, status(pool, "hal@example.com"));
  }

  /** An app client of the hosted pages: code flow to {@code callback}, the pool's own sign-in. */
  private String webClient(Pool pool, String callback) {
    return cognito
        .createUserPoolClient(
            r ->
                r.userPoolId(pool.poolId())
                    .clientName("web")
                    .allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("openid", "email")
                    .callbackURLs(callback)
                    .supportedIdentityProviders("COGNITO"))
        .userPoolClient()
        .clientId();
  }
}
