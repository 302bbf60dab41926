package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.userpool.protocol.Json;
import dev.userpool.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The pool domain's endpoints over plain HTTP: client_credentials, the code flow with PKCE through
 * the hosted page, refresh, userInfo, revoke, logout, the implicit flow, and the RFC 6749 errors of
 * each, with clients and pools made through the AWS SDK v2 client.
 */
class OAuthEndpointsIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());
  private static final String CALLBACK = "http://localhost:3000/callback";
  private static final String VERIFIER =
      "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more-entropy";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private CognitoIdentityProviderClient cognito;
  private String poolId;
  private UserPoolClientType web;

  @BeforeEach
  void setUp() {
    CLOCK.set(Instant.now());
    cognito = server.client();
    poolId = SignInFixtures.pool(cognito);
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("oauth-it"));
    cognito.createResourceServer(
        r ->
            r.userPoolId(poolId)
                .identifier("api")
                .name("API")
                .scopes(
                    ResourceServerScopeType.builder()
                        .scopeName("read")
                        .scopeDescription("read")
                        .build(),
                    ResourceServerScopeType.builder()
                        .scopeName("write")
                        .scopeDescription("write")
                        .build()));
    web =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web app")
                        .allowedOAuthFlows(OAuthFlowType.CODE, OAuthFlowType.IMPLICIT)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid", "email", "profile", "api/read")
                        .callbackURLs(CALLBACK)
                        .logoutURLs("http://localhost:3000/bye")
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "alice",
        AttributeType.builder().name("email").value("alice@example.com").build());
  }

  private UserPoolClientType machineClient() {
    return cognito
        .createUserPoolClient(
            r ->
                r.userPoolId(poolId)
                    .clientName("m2m")
                    .generateSecret(true)
                    .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                    .allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthScopes("api/read", "api/write"))
        .userPoolClient();
  }

  private static HttpResponse<String> token(Map<String, String> form, String authorization)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(HostedBrowser.encode(form)));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A client_credentials token verified against the served JWKS: no user, so no origin_jti or
   * username.
   */
  private JWTClaimsSet machineToken(String token) throws Exception {
    String issuer = server.endpoint() + "/" + poolId;
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256,
            JWKSourceBuilder.create(URI.create(issuer + "/.well-known/jwks.json").toURL())
                .retrying(false)
                .build()));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").build(),
            java.util.Set.of("exp", "iat", "sub", "jti", "client_id", "scope")));
    return processor.process(token, null);
  }

  private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(error, Json.read(response.body()).get("error").asText(), response.body());
  }

  private static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  private String authorizeUrl(Map<String, String> extra) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", web.clientId());
    q.put("redirect_uri", CALLBACK);
    q.put("state", "st<&>ate");
    q.put("scope", "openid email api/read");
    q.put("nonce", "n-0S6_WzA2Mj");
    q.putAll(extra);
    return server.endpoint() + "/oauth2/authorize?" + HostedBrowser.encode(q);
  }

  /** authorize → /login → sign in → the code at the callback. */
  private String code(HostedBrowser browser, Map<String, String> extra) throws Exception {
    HttpResponse<String> authorize = browser.get(authorizeUrl(extra));
    assertEquals(302, authorize.statusCode(), authorize.body());
    String login = HostedBrowser.location(authorize);
    String callback = login;
    if (!login.startsWith(CALLBACK)) { // no hosted session yet
      assertTrue(login.startsWith(server.endpoint() + "/login?"), login);
      HttpResponse<String> done = browser.signIn(login, "alice", SignInFixtures.PASSWORD);
      assertEquals(302, done.statusCode(), done.body());
      callback = HostedBrowser.location(done);
    }
    assertTrue(callback.startsWith(CALLBACK + "?"), callback);
    Map<String, String> params = HostedBrowser.parameters(callback, false);
    assertEquals("st<&>ate", params.get("state"));
    return params.get("code");
  }

  private Map<String, String> codeExchange(String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", web.clientId());
    form.put("code", code);
    form.put("redirect_uri", CALLBACK);
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return form;
  }

  @Test
  void whenClientCredentialsWithBasicOrPostThenAccessTokenWithScopesAndNoUser() throws Exception {
    UserPoolClientType m2m = machineClient();
    HttpResponse<String> basic =
        token(
            Map.of("grant_type", "client_credentials", "scope", "api/read"),
            HostedBrowser.basic(m2m.clientId(), m2m.clientSecret()));
    assertEquals(200, basic.statusCode(), basic.body());
    JsonNode body = Json.read(basic.body());
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals(3600, body.get("expires_in").asInt());
    assertFalse(body.has("refresh_token"));
    assertFalse(body.has("id_token"));
    JWTClaimsSet claims = machineToken(body.get("access_token").asText());
    assertEquals("api/read", claims.getStringClaim("scope"));
    assertEquals(m2m.clientId(), claims.getStringClaim("client_id"));
    assertEquals(m2m.clientId(), claims.getSubject());
    assertNull(claims.getClaim("username"));

    HttpResponse<String> post =
        token(
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                m2m.clientId(),
                "client_secret",
                m2m.clientSecret()),
            null);
    assertEquals(200, post.statusCode(), post.body());
    JWTClaimsSet all = machineToken(Json.read(post.body()).get("access_token").asText());
    assertEquals("api/read api/write", all.getStringClaim("scope"));
  }

  @Test
  void whenTheClientHasTwoSecretsThenEitherAuthenticatesUntilOneIsDeleted() throws Exception {
    UserPoolClientType m2m = machineClient();
    String second =
        cognito
            .addUserPoolClientSecret(b -> b.userPoolId(m2m.userPoolId()).clientId(m2m.clientId()))
            .clientSecretDescriptor()
            .clientSecretValue();
    Map<String, String> form = Map.of("grant_type", "client_credentials", "scope", "api/read");

    assertEquals(
        200, token(form, HostedBrowser.basic(m2m.clientId(), m2m.clientSecret())).statusCode());
    assertEquals(200, token(form, HostedBrowser.basic(m2m.clientId(), second)).statusCode());
    String firstId =
        cognito
            .listUserPoolClientSecrets(b -> b.userPoolId(m2m.userPoolId()).clientId(m2m.clientId()))
            .clientSecrets()
            .get(0)
            .clientSecretId();
    cognito.deleteUserPoolClientSecret(
        b -> b.userPoolId(m2m.userPoolId()).clientId(m2m.clientId()).clientSecretId(firstId));

    HttpResponse<String> refused =
        token(form, HostedBrowser.basic(m2m.clientId(), m2m.clientSecret()));
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("invalid_client", Json.read(refused.body()).get("error").asText());
    assertEquals(200, token(form, HostedBrowser.basic(m2m.clientId(), second)).statusCode());
  }

  @Test
  void whenClientCredentialsAreWrongOrScopeNotAllowedThenRfc6749Errors() throws Exception {
    UserPoolClientType m2m = machineClient();
    assertOAuthError(
        token(
            Map.of("grant_type", "client_credentials"),
            HostedBrowser.basic(m2m.clientId(), "wrong")),
        400,
        "invalid_client");
    assertOAuthError(
        token(Map.of("grant_type", "client_credentials", "client_id", m2m.clientId()), null),
        400,
        "invalid_client");
    assertOAuthError(
        token(Map.of("grant_type", "client_credentials", "client_id", "nosuchclient"), null),
        400,
        "invalid_client");
    assertOAuthError(
        token(
            Map.of("grant_type", "client_credentials", "scope", "openid"),
            HostedBrowser.basic(m2m.clientId(), m2m.clientSecret())),
        400,
        "invalid_scope");
    assertOAuthError(
        token(
            Map.of("grant_type", "password"),
            HostedBrowser.basic(m2m.clientId(), m2m.clientSecret())),
        400,
        "unsupported_grant_type");
    assertOAuthError(token(Map.of("client_id", m2m.clientId()), null), 400, "invalid_request");
    assertOAuthError(
        token(Map.of("grant_type", "client_credentials", "client_id", web.clientId()), null),
        400,
        "unauthorized_client");
    HttpResponse<String> json =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertOAuthError(json, 400, "invalid_request");
    HttpResponse<String> garbage =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic !!!not-base64")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=%ZZ"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertOAuthError(garbage, 400, "invalid_request");
  }

  @Test
  void whenPoolHasNoDomainThenItsClientsAreUnknownToTheEndpoints() throws Exception {
    UserPoolClientType m2m = machineClient();
    cognito.deleteUserPoolDomain(r -> r.userPoolId(poolId).domain("oauth-it"));
    assertOAuthError(
        token(
            Map.of("grant_type", "client_credentials"),
            HostedBrowser.basic(m2m.clientId(), m2m.clientSecret())),
        400,
        "invalid_client");
    HttpResponse<String> authorize = new HostedBrowser().get(authorizeUrl(Map.of()));
    assertEquals(400, authorize.statusCode());
    assertTrue(authorize.headers().firstValue("Location").isEmpty());
  }

  @Test
  void whenCodeFlowWithPkceThenTokensUserInfoRefreshAndRevokeWork() throws Exception {
    HostedBrowser browser = new HostedBrowser();
    String code =
        code(
            browser,
            Map.of("code_challenge", challenge(VERIFIER), "code_challenge_method", "S256"));

    HttpResponse<String> exchanged = token(codeExchange(code, VERIFIER), null);
    assertEquals(200, exchanged.statusCode(), exchanged.body());
    JsonNode tokens = Json.read(exchanged.body());
    JWTClaimsSet id =
        SignInFixtures.verifyWithJwks(
            server.endpoint(), poolId, tokens.get("id_token").asText(), "id");
    assertEquals("n-0S6_WzA2Mj", id.getStringClaim("nonce"));
    assertEquals(web.clientId(), id.getAudience().get(0));
    assertEquals("alice@example.com", id.getStringClaim("email"));
    JWTClaimsSet access =
        SignInFixtures.verifyWithJwks(
            server.endpoint(), poolId, tokens.get("access_token").asText(), "access");
    assertEquals("openid email api/read", access.getStringClaim("scope"));
    assertEquals("alice", access.getStringClaim("username"));
    assertEquals(2L, access.getLongClaim("version"));

    // a code is good once
    assertOAuthError(token(codeExchange(code, VERIFIER), null), 400, "invalid_grant");

    HttpResponse<String> info =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/userInfo"))
                .header("Authorization", "Bearer " + tokens.get("access_token").asText())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, info.statusCode(), info.body());
    JsonNode claims = Json.read(info.body());
    assertEquals(id.getSubject(), claims.get("sub").asText());
    assertEquals("alice@example.com", claims.get("email").asText());
    assertEquals("alice", claims.get("username").asText());

    Map<String, String> refresh =
        Map.of(
            "grant_type",
            "refresh_token",
            "client_id",
            web.clientId(),
            "refresh_token",
            tokens.get("refresh_token").asText());
    HttpResponse<String> refreshed = token(refresh, null);
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    JsonNode again = Json.read(refreshed.body());
    assertFalse(again.has("refresh_token"));
    assertEquals(
        "openid email api/read",
        SignInFixtures.verifyWithJwks(
                server.endpoint(), poolId, again.get("access_token").asText(), "access")
            .getStringClaim("scope"));

    HttpResponse<String> revoked =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        HostedBrowser.encode(
                            Map.of(
                                "token",
                                tokens.get("refresh_token").asText(),
                                "client_id",
                                web.clientId()))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertOAuthError(token(refresh, null), 400, "invalid_grant");
    HttpResponse<String> afterRevoke =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/userInfo"))
                .header("Authorization", "Bearer " + tokens.get("access_token").asText())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, afterRevoke.statusCode());
    assertTrue(
        afterRevoke.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
  }

  @Test
  void whenPkceVerifierOrRedirectUriIsWrongOrCodeExpiredThenRefused() throws Exception {
    HostedBrowser browser = new HostedBrowser();
    String challenge = challenge(VERIFIER);
    String code =
        code(browser, Map.of("code_challenge", challenge, "code_challenge_method", "S256"));
    assertOAuthError(token(codeExchange(code, VERIFIER + "x"), null), 400, "invalid_grant");

    code = code(browser, Map.of("code_challenge", challenge, "code_challenge_method", "S256"));
    Map<String, String> wrongRedirect = codeExchange(code, VERIFIER);
    wrongRedirect.put("redirect_uri", CALLBACK + "/");
    assertOAuthError(token(wrongRedirect, null), 400, "unauthorized_client");

    code = code(browser, Map.of());
    CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertOAuthError(token(codeExchange(code, null), null), 400, "invalid_grant");
  }

  @Test
  void whenSessionCookieExistsThenAuthorizeSkipsTheLoginPageAndLogoutClearsIt() throws Exception {
    HostedBrowser browser = new HostedBrowser();
    code(browser, Map.of());
    HttpResponse<String> again = browser.get(authorizeUrl(Map.of()));
    assertEquals(302, again.statusCode());
    assertTrue(
        HostedBrowser.location(again).startsWith(CALLBACK + "?code="),
        HostedBrowser.location(again));

    HttpResponse<String> bad =
        browser.get(
            server.endpoint()
                + "/logout?client_id="
                + web.clientId()
                + "&logout_uri="
                + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.headers().firstValue("Location").isEmpty());

    HttpResponse<String> out =
        browser.get(
            server.endpoint()
                + "/logout?client_id="
                + web.clientId()
                + "&logout_uri="
                + URLEncoder.encode("http://localhost:3000/bye", StandardCharsets.UTF_8));
    assertEquals(302, out.statusCode());
    assertEquals("http://localhost:3000/bye", HostedBrowser.location(out));
    HttpResponse<String> afterLogout = browser.get(authorizeUrl(Map.of()));
    assertTrue(
        HostedBrowser.location(afterLogout).contains("/login?"),
        HostedBrowser.location(afterLogout));
  }

  @Test
  void whenAuthorizeRequestIsBadThenUnregisteredRedirectsAreNeverFollowedAndOthersGetErrors()
      throws Exception {
    HostedBrowser browser = new HostedBrowser();
    HttpResponse<String> evil =
        browser.get(authorizeUrl(Map.of("redirect_uri", "https://evil.example/cb")));
    assertEquals(400, evil.statusCode());
    assertTrue(evil.headers().firstValue("Location").isEmpty());
    assertTrue(evil.body().contains("redirect_mismatch"));

    HttpResponse<String> unknownClient =
        browser.get(authorizeUrl(Map.of("client_id", "nosuchclient")));
    assertEquals(400, unknownClient.statusCode());

    Map<String, String> expected =
        Map.of(
            "response_type",
            "unsupported_response_type",
            "scope",
            "invalid_scope",
            "code_challenge_method",
            "invalid_request");
    Map<String, Map<String, String>> cases =
        Map.of(
            "response_type", Map.of("response_type", "id_token"),
            "scope", Map.of("scope", "openid api/write"),
            "code_challenge_method",
                Map.of("code_challenge", challenge(VERIFIER), "code_challenge_method", "plain"));
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = browser.get(authorizeUrl(c.getValue()));
      assertEquals(302, r.statusCode(), c.getKey());
      Map<String, String> params = HostedBrowser.parameters(HostedBrowser.location(r), false);
      assertEquals(expected.get(c.getKey()), params.get("error"), c.getKey());
      assertEquals("st<&>ate", params.get("state"));
    }
  }

  @Test
  void whenLoginFailsThenThePageShowsCognitosMessageEscapedAndCsrfIsRequired() throws Exception {
    HostedBrowser browser = new HostedBrowser();
    String login = HostedBrowser.location(browser.get(authorizeUrl(Map.of())));
    HttpResponse<String> page = browser.get(login);
    assertTrue(page.body().contains("<form method=\"post\""));
    assertTrue(page.body().contains("name=\"username\""));
    assertTrue(page.body().contains("name=\"password\""));
    assertTrue(page.body().contains("web app"));

    HttpResponse<String> wrong = browser.signIn(login, "<script>alert(1)</script>", "nope");
    assertEquals(200, wrong.statusCode());
    assertTrue(
        wrong.body().contains("User does not exist.")
            || wrong.body().contains("Incorrect username"));
    assertFalse(wrong.body().contains("<script>alert(1)</script>"));
    assertTrue(wrong.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    HttpResponse<String> badPassword = browser.signIn(login, "alice", "Wrong-Passw0rd!");
    assertTrue(badPassword.body().contains("Incorrect username or password."), badPassword.body());

    HostedBrowser noCookie = new HostedBrowser();
    HttpResponse<String> forged =
        noCookie.postForm(
            login,
            Map.of("_csrf", "forged", "username", "alice", "password", SignInFixtures.PASSWORD));
    assertEquals(403, forged.statusCode());
    assertTrue(forged.headers().firstValue("Location").isEmpty());
  }

  @Test
  void whenTemporaryPasswordThenTheFollowUpPageSetsANewOneAndTheCodeFollows() throws Exception {
    cognito.adminCreateUser(
        r ->
            r.userPoolId(poolId)
                .username("bob")
                .temporaryPassword("Temp-Passw0rd!")
                .messageAction(
                    software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType
                        .SUPPRESS));
    HostedBrowser browser = new HostedBrowser();
    String login = HostedBrowser.location(browser.get(authorizeUrl(Map.of())));
    HttpResponse<String> challenge = browser.signIn(login, "bob", "Temp-Passw0rd!");
    assertEquals(200, challenge.statusCode());
    assertTrue(challenge.body().contains("name=\"new_password\""), challenge.body());
    Map<String, String> form = HostedBrowser.hiddenFields(challenge.body());
    form.put("new_password", "short");
    HttpResponse<String> weak = browser.postForm(login, form);
    assertTrue(weak.body().contains("Password did not conform with policy"), weak.body());

    challenge = browser.signIn(login, "bob", "Temp-Passw0rd!");
    form = HostedBrowser.hiddenFields(challenge.body());
    form.put("new_password", "Brand-New-Passw0rd!");
    HttpResponse<String> done = browser.postForm(login, form);
    assertEquals(302, done.statusCode(), done.body());
    String code = HostedBrowser.parameters(HostedBrowser.location(done), false).get("code");
    assertEquals(200, token(codeExchange(code, null), null).statusCode());
    assertEquals(
        "CONFIRMED",
        cognito.adminGetUser(r -> r.userPoolId(poolId).username("bob")).userStatusAsString());
  }

  @Test
  void whenThePoolRequiresMfaThenTheHostedPageAsksForItsSetupAndIssuesNoCodeYet() throws Exception {
    cognito.setUserPoolMfaConfig(
        r ->
            r.userPoolId(poolId)
                .softwareTokenMfaConfiguration(c -> c.enabled(true))
                .mfaConfiguration(
                    software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType
                        .ON));
    HostedBrowser browser = new HostedBrowser();
    String login = HostedBrowser.location(browser.get(authorizeUrl(Map.of())));
    HttpResponse<String> page = browser.signIn(login, "alice", SignInFixtures.PASSWORD);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Set up multi-factor authentication"), page.body());
    assertTrue(page.body().contains("otpauth://totp/"), page.body());
    assertTrue(page.headers().firstValue("Location").isEmpty());
    assertFalse(browser.cookies().containsKey("userpool-session"));
  }

  @Test
  void whenImplicitFlowThenTokensArriveInTheFragment() throws Exception {
    HostedBrowser browser = new HostedBrowser();
    String login =
        HostedBrowser.location(browser.get(authorizeUrl(Map.of("response_type", "token"))));
    HttpResponse<String> done = browser.signIn(login, "alice", SignInFixtures.PASSWORD);
    Map<String, String> fragment = HostedBrowser.parameters(HostedBrowser.location(done), true);
    assertEquals("Bearer", fragment.get("token_type"));
    assertEquals("st<&>ate", fragment.get("state"));
    assertEquals(
        "n-0S6_WzA2Mj",
        SignInFixtures.verifyWithJwks(server.endpoint(), poolId, fragment.get("id_token"), "id")
            .getStringClaim("nonce"));
    assertFalse(fragment.containsKey("refresh_token"));
  }

  @Test
  void whenTheClientReadsOnlySomeAttributesThenUserInfoShowsOnlyThose() throws Exception {
    cognito.adminUpdateUserAttributes(
        r ->
            r.userPoolId(poolId)
                .username("alice")
                .userAttributes(AttributeType.builder().name("name").value("Alice A.").build()));
    cognito.updateUserPoolClient(
        r ->
            r.userPoolId(poolId)
                .clientId(web.clientId())
                .clientName("web app")
                .allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthScopes("openid", "email", "profile", "api/read")
                .callbackURLs(CALLBACK)
                .supportedIdentityProviders("COGNITO")
                .readAttributes("name"));
    String code = code(new HostedBrowser(), Map.of());
    String access =
        Json.read(token(codeExchange(code, null), null).body()).get("access_token").asText();
    JsonNode info =
        Json.read(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/userInfo"))
                        .header("Authorization", "Bearer " + access)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertEquals("Alice A.", info.get("name").asText());
    assertFalse(info.has("email"), info.toString());
    assertEquals("alice", info.get("username").asText());
  }

  @Test
  void whenUserInfoGetsAnApiAccessTokenOrNoneThenRefused() throws Exception {
    cognito.updateUserPoolClient(
        r ->
            r.userPoolId(poolId)
                .clientId(web.clientId())
                .explicitAuthFlows(SignInFixtures.ALL_FLOWS));
    String apiToken =
        SignInFixtures.passwordSignIn(cognito, web.clientId(), "alice", SignInFixtures.PASSWORD)
            .authenticationResult()
            .accessToken();
    HttpResponse<String> api =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/userInfo"))
                .header("Authorization", "Bearer " + apiToken)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertOAuthError(api, 401, "invalid_token");
    HttpResponse<String> none =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.endpoint() + "/oauth2/userInfo"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertOAuthError(none, 400, "invalid_request");
  }

  @Test
  void whenDiscoveryIsFetchedForAPoolWithADomainThenItListsTheServedEndpoints() throws Exception {
    JsonNode doc =
        Json.read(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create(
                                server.endpoint()
                                    + "/"
                                    + poolId
                                    + "/.well-known/openid-configuration"))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    for (Map.Entry<String, String> e :
        Map.of(
                "authorization_endpoint",
                "/oauth2/authorize",
                "token_endpoint",
                "/oauth2/token",
                "userinfo_endpoint",
                "/oauth2/userInfo",
                "revocation_endpoint",
                "/oauth2/revoke",
                "end_session_endpoint",
                "/logout")
            .entrySet()) {
      assertEquals(server.endpoint() + e.getValue(), doc.get(e.getKey()).asText());
    }
    assertEquals(
        List.of("S256"), List.of(doc.get("code_challenge_methods_supported").get(0).asText()));
  }
}
