package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.testing.MutableClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The hosted pages beyond the password, through plain HTTP as a browser without JavaScript (cookies
 * kept, redirects looked at one by one): the MFA pages (SMS, email, choice, TOTP and its setup),
 * sign-up → confirm → sign-in, forgotten password, the pool's and client's UI customization, the
 * re-authentication /logout and the hosted session. Each error path answers the page again with
 * Cognito's message, escaped; a POST without the form's CSRF token changes nothing.
 */
class HostedPagesIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());
  private static final String CALLBACK = "https://app.example.com/cb";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  @BeforeEach
  void now() {
    CLOCK.set(Instant.now());
  }

  /**
   * A pool with a domain, email required and auto-verified, codes by email and SMS, MFA {@code
   * mfa}; and a code-flow client.
   */
  private Pool pool(UserPoolMfaType mfa, boolean selfSignUp) {
    return pool(mfa, selfSignUp, b -> {});
  }

  private Pool pool(
      UserPoolMfaType mfa,
      boolean selfSignUp,
      java.util.function.Consumer<
              software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest
                  .Builder>
          extra) {
    String poolId =
        cognito
            .createUserPool(
                b ->
                    extra.accept(
                        b.poolName("hosted pages")
                            .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                            .schema(
                                SchemaAttributeType.builder()
                                    .name("email")
                                    .required(true)
                                    .mutable(true)
                                    .build())
                            .adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(!selfSignUp))
                            .emailConfiguration(
                                e ->
                                    e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                                        .from("no-reply@example.com")
                                        .sourceArn(
                                            "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"))))
            .userPool()
            .id();
    if (mfa != UserPoolMfaType.OFF) {
      cognito.setUserPoolMfaConfig(
          b ->
              b.userPoolId(poolId)
                  .mfaConfiguration(mfa)
                  .smsMfaConfiguration(
                      s ->
                          s.smsAuthenticationMessage("Sign-in code {####}")
                              .smsConfiguration(
                                  c ->
                                      c.snsCallerArn("arn:aws:iam::123456789012:role/sns")
                                          .externalId("x")))
                  .softwareTokenMfaConfiguration(s -> s.enabled(true))
                  .emailMfaConfiguration(
                      e -> e.subject("Your sign-in code").message("Use {####} to sign in")));
    }
    cognito.createUserPoolDomain(
        r -> r.userPoolId(poolId).domain("pages-" + poolId.toLowerCase().replace("_", "-")));
    String clientId =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid", "email")
                        .callbackURLs(CALLBACK)
                        .logoutURLs("https://app.example.com/bye")
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient()
            .clientId();
    return new Pool(poolId, clientId);
  }

  private record Pool(String poolId, String clientId) {
    String query() {
      return "response_type=code&client_id="
          + clientId
          + "&redirect_uri="
          + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
          + "&scope=openid&state=s1";
    }
  }

  private String url(String path, Pool pool) {
    return server.endpoint() + path + "?" + pool.query();
  }

  /** Fills the form of {@code page} that posts to {@code action} and posts it. */
  private static HttpResponse<String> submit(
      HostedBrowser browser, HttpResponse<String> page, String path, Map<String, String> fields)
      throws Exception {
    Matcher m =
        Pattern.compile(
                "<form method=\"post\" action=\"([^\"]*" + Pattern.quote(path) + "\\?[^\"]*)\"")
            .matcher(page.body());
    assertTrue(m.find(), () -> "no form posting to " + path + " in\n" + page.body());
    String action = m.group(1).replace("&amp;", "&");
    int start = m.start();
    int end = page.body().indexOf("</form>", start);
    Map<String, String> form = HostedBrowser.hiddenFields(page.body().substring(start, end));
    form.putAll(fields);
    return browser.postForm(action, form);
  }

  private static void assertCodeAtCallback(HttpResponse<String> done) {
    assertEquals(302, done.statusCode(), done.body());
    String location = HostedBrowser.location(done);
    assertTrue(location.startsWith(CALLBACK + "?code="), location);
    assertEquals("s1", HostedBrowser.parameters(location, false).get("state"));
  }

  private String lastCode(String poolId, String username) throws Exception {
    List<JsonNode> messages = server.messages(poolId, username);
    return messages.get(messages.size() - 1).get("code").asText();
  }

  @Test
  void whenAUserSignsUpOnTheHostedPageThenConfirmsWithTheCodeAndSignsInTheCallbackGetsACode()
      throws Exception {
    Pool pool = pool(UserPoolMfaType.OFF, true);
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> login = browser.get(url("/login", pool));
    assertTrue(login.body().contains("/signup?"), "login links to sign-up: " + login.body());

    HttpResponse<String> signup = browser.get(url("/signup", pool));
    assertEquals(200, signup.statusCode());
    assertTrue(signup.body().contains("name=\"requiredAttributes[email]\""), signup.body());
    assertTrue(signup.body().contains("submitButton-customizable"));

    HttpResponse<String> weak =
        submit(
            browser,
            signup,
            "/signup",
            Map.of(
                "username", "<b>carol</b>",
                "requiredAttributes[email]", "carol@example.com",
                "password", "short"));
    assertEquals(200, weak.statusCode());
    assertTrue(weak.body().contains("Password did not conform with policy"), weak.body());
    assertTrue(weak.body().contains("value=\"&lt;b&gt;carol&lt;/b&gt;\""), weak.body());
    assertFalse(weak.body().contains("<b>carol</b>"));

    HttpResponse<String> confirm =
        submit(
            browser,
            weak,
            "/signup",
            Map.of(
                "username", "carol",
                "requiredAttributes[email]", "carol@example.com",
                "password", SignInFixtures.PASSWORD));
    assertEquals(200, confirm.statusCode(), confirm.body());
    assertTrue(confirm.body().contains("name=\"confirmation_code\""), confirm.body());
    assertEquals(
        "UNCONFIRMED",
        cognito
            .adminGetUser(r -> r.userPoolId(pool.poolId()).username("carol"))
            .userStatusAsString());

    HttpResponse<String> wrong =
        submit(browser, confirm, "/confirm", Map.of("confirmation_code", "000000"));
    assertTrue(
        wrong.body().contains("Invalid verification code provided, please try again."),
        wrong.body());

    HttpResponse<String> confirmed =
        submit(
            browser,
            wrong,
            "/confirm",
            Map.of("confirmation_code", lastCode(pool.poolId(), "carol")));
    assertEquals(302, confirmed.statusCode(), confirmed.body());
    String next = HostedBrowser.location(confirmed);
    assertTrue(next.startsWith(server.endpoint() + "/login?"), next);

    assertCodeAtCallback(browser.signIn(next, "carol", SignInFixtures.PASSWORD));
  }

  @Test
  void whenThePoolAllowsOnlyAdminsToCreateUsersThenThereIsNoSignUpLinkAndSignUpIsRefused()
      throws Exception {
    Pool pool = pool(UserPoolMfaType.OFF, false);
    HostedBrowser browser = new HostedBrowser();
    assertFalse(browser.get(url("/login", pool)).body().contains("/signup?"));
    HttpResponse<String> signup = browser.get(url("/signup", pool));
    assertEquals(400, signup.statusCode());
    assertTrue(signup.body().contains("SignUp is not permitted for this user pool"));
  }

  @Test
  void whenAFormIsPostedWithoutItsCsrfTokenThenItIsRefusedAndNothingHappens() throws Exception {
    Pool pool = pool(UserPoolMfaType.OFF, true);
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> signup = browser.get(url("/signup", pool));
    Map<String, String> fields =
        Map.of(
            "username", "mallory",
            "requiredAttributes[email]", "m@example.com",
            "password", SignInFixtures.PASSWORD);
    HttpResponse<String> forged =
        new HostedBrowser()
            .postForm(
                url("/signup", pool),
                Map.of(
                    "_csrf",
                    HostedBrowser.hiddenFields(signup.body()).get("_csrf"),
                    "username",
                    "mallory",
                    "password",
                    SignInFixtures.PASSWORD));
    assertEquals(403, forged.statusCode());
    HttpResponse<String> wrongToken =
        browser.postForm(
            url("/signup", pool),
            Map.of("_csrf", "not-the-token", "username", "mallory", "password", "x"));
    assertEquals(403, wrongToken.statusCode());
    for (String path :
        List.of("/confirm", "/resendcode", "/forgotPassword", "/confirmforgotPassword")) {
      assertEquals(
          403,
          new HostedBrowser().postForm(url(path, pool), Map.of("username", "mallory")).statusCode(),
          path);
    }
    assertTrue(
        cognito.listUsers(r -> r.userPoolId(pool.poolId())).users().isEmpty(),
        "no user was created");
    assertEquals(200, submit(browser, signup, "/signup", fields).statusCode());
  }

  @Test
  void whenAUserForgotsThePasswordThenTheCodeSetsANewOneAndSignInWorksWithIt() throws Exception {
    Pool pool = pool(UserPoolMfaType.OFF, true);
    SignInFixtures.confirmedUser(
        cognito,
        pool.poolId(),
        "dave",
        AttributeType.builder().name("email").value("dave@example.com").build(),
        AttributeType.builder().name("email_verified").value("true").build());
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> login = browser.get(url("/login", pool));
    assertTrue(login.body().contains("/forgotPassword?"));
    HttpResponse<String> forgot = browser.get(url("/forgotPassword", pool));
    HttpResponse<String> reset =
        submit(browser, forgot, "/forgotPassword", Map.of("username", "dave"));
    assertEquals(200, reset.statusCode(), reset.body());
    assertTrue(reset.body().contains("d***@e"), reset.body());

    HttpResponse<String> mismatch =
        submit(
            browser,
            reset,
            "/confirmforgotPassword",
            Map.of("code", "123456", "password", "New-Passw0rd!", "confirmPassword", "Other-1!aA"));
    assertTrue(mismatch.body().contains("Passwords do not match."), mismatch.body());
    HttpResponse<String> wrong =
        submit(
            browser,
            mismatch,
            "/confirmforgotPassword",
            Map.of(
                "code", "000000", "password", "New-Passw0rd!", "confirmPassword", "New-Passw0rd!"));
    assertTrue(
        wrong.body().contains("Invalid verification code provided, please try again."),
        wrong.body());
    HttpResponse<String> done =
        submit(
            browser,
            wrong,
            "/confirmforgotPassword",
            Map.of(
                "code",
                lastCode(pool.poolId(), "dave"),
                "password",
                "New-Passw0rd!",
                "confirmPassword",
                "New-Passw0rd!"));
    assertEquals(302, done.statusCode(), done.body());
    String next = HostedBrowser.location(done);
    assertTrue(
        browser
            .signIn(next, "dave", SignInFixtures.PASSWORD)
            .body()
            .contains("Incorrect username"));
    assertCodeAtCallback(browser.signIn(next, "dave", "New-Passw0rd!"));
  }

  @Test
  void whenTheUserHasSmsAndEmailMfaThenTheHostedPageLetsThemChooseAndAsksForTheCode()
      throws Exception {
    Pool pool = pool(UserPoolMfaType.OPTIONAL, true);
    SignInFixtures.confirmedUser(
        cognito,
        pool.poolId(),
        "erin",
        AttributeType.builder().name("email").value("erin@example.com").build(),
        AttributeType.builder().name("email_verified").value("true").build(),
        AttributeType.builder().name("phone_number").value("+15555550199").build());
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(pool.poolId())
                .username("erin")
                .smsMfaSettings(s -> s.enabled(true))
                .emailMfaSettings(s -> s.enabled(true)));
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> choose =
        browser.signIn(url("/login", pool), "erin", SignInFixtures.PASSWORD);
    assertEquals(200, choose.statusCode());
    assertTrue(choose.body().contains("value=\"SMS_MFA\""), choose.body());
    assertTrue(choose.body().contains("value=\"EMAIL_OTP\""), choose.body());

    HttpResponse<String> emailPage =
        submit(browser, choose, "/login", Map.of("mfa_type", "EMAIL_OTP"));
    assertTrue(emailPage.body().contains("e***@e"), emailPage.body());
    HttpResponse<String> wrong = submit(browser, emailPage, "/login", Map.of("code", "000000"));
    assertEquals(200, wrong.statusCode());
    assertTrue(wrong.body().contains("Invalid code or auth state for the user."), wrong.body());
    assertTrue(wrong.headers().firstValue("Location").isEmpty());
    assertCodeAtCallback(
        submit(browser, wrong, "/login", Map.of("code", lastCode(pool.poolId(), "erin"))));

    // SMS the same way, and a used Session cannot be replayed
    HostedBrowser second = new HostedBrowser();
    choose = second.signIn(url("/login", pool), "erin", SignInFixtures.PASSWORD);
    HttpResponse<String> smsPage = submit(second, choose, "/login", Map.of("mfa_type", "SMS_MFA"));
    assertTrue(smsPage.body().contains("+*******0199"), smsPage.body());
    String code = lastCode(pool.poolId(), "erin");
    assertCodeAtCallback(submit(second, smsPage, "/login", Map.of("code", code)));
    HttpResponse<String> replay = submit(second, smsPage, "/login", Map.of("code", code));
    assertEquals(200, replay.statusCode());
    assertTrue(
        replay.body().contains("Invalid session for the user, session can only be used once."),
        replay.body());
    assertTrue(replay.body().contains("name=\"password\""), "back to the sign-in form");
  }

  @Test
  void whenThePoolRequiresMfaThenTheUserSetsUpTotpOnTheHostedPageAndSignsInWithItLater()
      throws Exception {
    Pool pool = pool(UserPoolMfaType.ON, true);
    SignInFixtures.confirmedUser(
        cognito,
        pool.poolId(),
        "frank",
        AttributeType.builder().name("email").value("frank@example.com").build());
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> setup =
        browser.signIn(url("/login", pool), "frank", SignInFixtures.PASSWORD);
    assertEquals(200, setup.statusCode(), setup.body());
    Matcher secret =
        Pattern.compile("<code id=\"secret-code\">([A-Z2-7]+)</code>").matcher(setup.body());
    assertTrue(secret.find(), setup.body());
    assertTrue(
        setup.body().contains("otpauth://totp/hosted%20pages%3Afrank?secret=" + secret.group(1)),
        setup.body());
    assertFalse(browser.cookies().containsKey("userpool-session"));

    HttpResponse<String> wrong =
        submit(
            browser,
            setup,
            "/login",
            Map.of("code", TestTotp.wrongCode(secret.group(1), CLOCK.instant())));
    assertTrue(
        wrong.body().contains("Code mismatch and fail enable Software Token MFA"), wrong.body());
    assertCodeAtCallback(
        submit(
            browser,
            wrong,
            "/login",
            Map.of("code", TestTotp.code(secret.group(1), CLOCK.instant()))));
    assertTrue(browser.cookies().containsKey("userpool-session"));

    CLOCK.advance(Duration.ofSeconds(30));
    HostedBrowser later = new HostedBrowser();
    HttpResponse<String> totp = later.signIn(url("/login", pool), "frank", SignInFixtures.PASSWORD);
    assertTrue(totp.body().contains("authenticator app"), totp.body());
    HttpResponse<String> bad =
        submit(
            later,
            totp,
            "/login",
            Map.of("code", TestTotp.wrongCode(secret.group(1), CLOCK.instant())));
    assertTrue(bad.body().contains("Invalid code or auth state for the user."), bad.body());
    assertCodeAtCallback(
        submit(
            later, bad, "/login", Map.of("code", TestTotp.code(secret.group(1), CLOCK.instant()))));
  }

  @Test
  void whenTheChallengeSessionExpiredThenTheCodeIsRefusedAndTheSignInStartsOver() throws Exception {
    Pool pool = pool(UserPoolMfaType.OPTIONAL, true);
    SignInFixtures.confirmedUser(
        cognito,
        pool.poolId(),
        "gina",
        AttributeType.builder().name("email").value("gina@example.com").build(),
        AttributeType.builder().name("email_verified").value("true").build());
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(pool.poolId())
                .username("gina")
                .emailMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> codePage =
        browser.signIn(url("/login", pool), "gina", SignInFixtures.PASSWORD);
    assertTrue(codePage.body().contains("name=\"code\""), codePage.body());
    CLOCK.advance(Duration.ofMinutes(4)); // AuthSessionValidity defaults to 3 minutes
    HttpResponse<String> late =
        submit(browser, codePage, "/login", Map.of("code", lastCode(pool.poolId(), "gina")));
    assertEquals(200, late.statusCode());
    assertTrue(
        late.body().contains("Invalid session for the user, session is expired."), late.body());
    assertTrue(late.headers().firstValue("Location").isEmpty());

    // a forged session is no better
    Map<String, String> forged = HostedBrowser.hiddenFields(codePage.body());
    forged.put("session", "A".repeat(128));
    forged.put("code", "123456");
    HttpResponse<String> page = browser.get(url("/login", pool));
    forged.put("_csrf", HostedBrowser.hiddenFields(page.body()).get("_csrf"));
    HttpResponse<String> refused = browser.postForm(url("/login", pool), forged);
    assertTrue(
        refused.body().contains("Invalid session for the user, session is expired."),
        refused.body());
  }

  @Test
  void whenUiCustomizationIsSetThenTheClientsOverridesThePoolsOnEveryPage() throws Exception {
    Pool pool = pool(UserPoolMfaType.OFF, true);
    String other =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(pool.poolId())
                        .clientName("other")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid")
                        .callbackURLs(CALLBACK)
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient()
            .clientId();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    cognito.setUICustomization(
        b ->
            b.userPoolId(pool.poolId())
                .css(".banner-customizable { background-color: teal; }")
                .imageFile(SdkBytes.fromByteArray(png)));
    cognito.setUICustomization(
        b ->
            b.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .css(".submitButton-customizable { background-color: navy; }"));
    HostedBrowser browser = new HostedBrowser();
    for (String path : List.of("/login", "/signup", "/forgotPassword")) {
      String body = browser.get(url(path, pool)).body();
      assertTrue(body.contains(".submitButton-customizable { background-color: navy; }"), body);
      assertFalse(body.contains("teal"), body);
      assertTrue(body.contains("class=\"banner-customizable\""), body);
    }
    String otherLogin =
        browser
            .get(
                server.endpoint()
                    + "/login?response_type=code&client_id="
                    + other
                    + "&redirect_uri="
                    + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8))
            .body();
    assertTrue(otherLogin.contains(".banner-customizable { background-color: teal; }"), otherLogin);
    assertTrue(
        otherLogin.contains(
            "<img class=\"logo-customizable\" alt=\"logo\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png)
                + "\">"),
        otherLogin);
  }

  @Test
  void whenSignedInThenAuthorizeAnswersFromTheSessionUntilLogoutSendsTheBrowserBackToLogin()
      throws Exception {
    Pool pool = pool(UserPoolMfaType.OFF, true);
    SignInFixtures.confirmedUser(
        cognito,
        pool.poolId(),
        "hank",
        AttributeType.builder().name("email").value("hank@example.com").build());
    HostedBrowser browser = new HostedBrowser();
    String authorize = url("/oauth2/authorize", pool);
    String login = HostedBrowser.location(browser.get(authorize));
    assertTrue(login.startsWith(server.endpoint() + "/login?"), login);
    HttpResponse<String> first = browser.signIn(login, "hank", SignInFixtures.PASSWORD);
    assertCodeAtCallback(first);
    String firstCode = HostedBrowser.parameters(HostedBrowser.location(first), false).get("code");

    HttpResponse<String> again = browser.get(authorize);
    assertCodeAtCallback(again);
    assertFalse(
        firstCode.equals(
            HostedBrowser.parameters(HostedBrowser.location(again), false).get("code")),
        "a new code each time");

    String copied = browser.cookies().get("userpool-session");
    HttpResponse<String> out = browser.get(url("/logout", pool));
    assertEquals(302, out.statusCode());
    assertEquals(server.endpoint() + "/login?" + pool.query(), HostedBrowser.location(out));
    assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    assertFalse(browser.cookies().containsKey("userpool-session"));
    HttpResponse<String> afterLogout = browser.get(authorize);
    assertTrue(
        HostedBrowser.location(afterLogout).startsWith(server.endpoint() + "/login?"),
        HostedBrowser.location(afterLogout));
    HostedBrowser withCopy = new HostedBrowser();
    withCopy.cookies().put("userpool-session", copied);
    HttpResponse<String> replayed = withCopy.get(authorize);
    assertTrue(
        HostedBrowser.location(replayed).startsWith(server.endpoint() + "/login?"),
        "a copy of the session cookie ends with the session: " + HostedBrowser.location(replayed));

    HttpResponse<String> unregistered =
        browser.get(
            server.endpoint()
                + "/logout?response_type=code&client_id="
                + pool.clientId()
                + "&redirect_uri="
                + URLEncoder.encode("https://evil.example/cb", StandardCharsets.UTF_8));
    assertEquals(400, unregistered.statusCode());
    assertTrue(unregistered.headers().firstValue("Location").isEmpty());
  }

  @Test
  void whenTheClientHasASecretThenThePagesComputeTheSecretHashForSignUpAndForTheMfaAnswer()
      throws Exception {
    Pool plain =
        pool(
            UserPoolMfaType.OPTIONAL,
            true,
            b ->
                b.aliasAttributes(
                    software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType
                        .EMAIL));
    String secretClient =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(plain.poolId())
                        .clientName("confidential")
                        .generateSecret(true)
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid")
                        .callbackURLs(CALLBACK)
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient()
            .clientId();
    Pool pool = new Pool(plain.poolId(), secretClient);
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> confirm =
        submit(
            browser,
            browser.get(url("/signup", pool)),
            "/signup",
            Map.of(
                "username", "ivan",
                "requiredAttributes[email]", "ivan@example.com",
                "password", SignInFixtures.PASSWORD));
    assertTrue(confirm.body().contains("name=\"confirmation_code\""), confirm.body());
    HttpResponse<String> confirmed =
        submit(
            browser,
            confirm,
            "/confirm",
            Map.of("confirmation_code", lastCode(pool.poolId(), "ivan")));
    assertEquals(302, confirmed.statusCode(), confirmed.body());
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(pool.poolId())
                .username("ivan")
                .emailMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    // signed in by the email alias: the answer's SECRET_HASH is over the internal username
    HttpResponse<String> codePage =
        browser.signIn(
            HostedBrowser.location(confirmed), "ivan@example.com", SignInFixtures.PASSWORD);
    assertEquals("ivan", HostedBrowser.hiddenFields(codePage.body()).get("username"));
    assertCodeAtCallback(
        submit(browser, codePage, "/login", Map.of("code", lastCode(pool.poolId(), "ivan"))));
  }
}
