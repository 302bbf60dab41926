package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.userpool.protocol.Json;
import dev.userpool.testing.MutableClock;
import dev.userpool.testing.TestSamlIdp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * SAML 2.0 federation end to end on the local server: pool, domain, client and a SAML provider
 * (MetadataFile holding a test IdP's certificate) made with the AWS SDK v2 client; {@code
 * /oauth2/authorize?identity_provider=…} sends the browser to the IdP with an AuthnRequest, the
 * test IdP signs a Response to it, {@code POST /saml2/idpresponse} ends in our code, and {@code
 * /oauth2/token} hands out tokens of the user {@code Corp_<NameID>}.
 */
class SamlFederationIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());
  private static final String CALLBACK = "http://localhost:3000/callback";
  private static final TestSamlIdp IDP =
      new TestSamlIdp("https://idp.corp.example/saml", "https://idp.corp.example/sso");

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
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("saml-it"));
    cognito.createIdentityProvider(
        r ->
            r.userPoolId(poolId)
                .providerName("Corp")
                .providerType(IdentityProviderTypeType.SAML)
                .providerDetails(Map.of("MetadataFile", IDP.metadata()))
                .attributeMapping(Map.of("email", "email", "given_name", "firstName"))
                .idpIdentifiers("corp.example"));
    web =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web app")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid", "email", "profile")
                        .callbackURLs(CALLBACK)
                        .supportedIdentityProviders("COGNITO", "Corp"))
            .userPoolClient();
  }

  private String authorizeUrl(String parameter, String value) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", web.clientId());
    q.put("redirect_uri", CALLBACK);
    q.put("state", "st-1");
    q.put("scope", "openid email profile");
    q.put(parameter, value);
    return server.endpoint() + "/oauth2/authorize?" + HostedBrowser.encode(q);
  }

  /** authorize → the IdP's redirect, decoded as the IdP reads it. */
  private TestSamlIdp.ReceivedRequest toIdp(String parameter, String value) throws Exception {
    HttpResponse<String> authorize = get(authorizeUrl(parameter, value));
    assertEquals(302, authorize.statusCode(), authorize.body());
    String location = HostedBrowser.location(authorize);
    assertTrue(location.startsWith("https://idp.corp.example/sso?SAMLRequest="), location);
    return TestSamlIdp.receive(location);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(HostedBrowser.encode(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> idpPost(TestSamlIdp.ReceivedRequest request, String response)
      throws Exception {
    return post(
        request.consumerUrl(),
        Map.of("SAMLResponse", response, "RelayState", request.relayState()));
  }

  private Map<String, String> tokens(String code) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", web.clientId());
    form.put("code", code);
    form.put("redirect_uri", CALLBACK);
    HttpResponse<String> token = post(server.endpoint() + "/oauth2/token", form);
    assertEquals(200, token.statusCode(), token.body());
    Map<String, String> out = new LinkedHashMap<>();
    Json.read(token.body())
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  @Test
  void whenTheIdpSignsInJaneThenTheClientGetsTokensOfTheFederatedUser() throws Exception {
    TestSamlIdp.ReceivedRequest request = toIdp("identity_provider", "Corp");
    assertEquals(server.endpoint() + "/saml2/idpresponse", request.consumerUrl());
    assertEquals("urn:amazon:cognito:sp:" + poolId, request.issuer());

    HttpResponse<String> back =
        idpPost(
            request,
            IDP.response(request.id(), request.consumerUrl(), request.issuer())
                .attribute("firstName", "Jane")
                .encoded());
    assertEquals(302, back.statusCode(), back.body());
    String callback = HostedBrowser.location(back);
    assertTrue(callback.startsWith(CALLBACK + "?code="), callback);
    Map<String, String> params = HostedBrowser.parameters(callback, false);
    assertEquals("st-1", params.get("state"));

    Map<String, String> tokens = tokens(params.get("code"));
    JWTClaimsSet id = SignedJWT.parse(tokens.get("id_token")).getJWTClaimsSet();
    assertEquals("Corp_jane@corp.example", id.getStringClaim("cognito:username"));
    assertEquals("jane@corp.example", id.getStringClaim("email"));
    assertEquals("Jane", id.getStringClaim("given_name"));
    @SuppressWarnings("unchecked")
    Map<String, Object> identity =
        (Map<String, Object>) ((List<?>) id.getClaim("identities")).get(0);
    assertEquals("Corp", identity.get("providerName"));
    assertEquals("SAML", identity.get("providerType"));
    assertEquals("jane@corp.example", identity.get("userId"));

    AdminGetUserResponse user =
        cognito.adminGetUser(r -> r.userPoolId(poolId).username("Corp_jane@corp.example"));
    assertEquals(UserStatusType.EXTERNAL_PROVIDER, user.userStatus());
  }

  @Test
  void whenTheIdpIsChosenByIdentifierThenTheSameSignInWorks() throws Exception {
    TestSamlIdp.ReceivedRequest request = toIdp("idp_identifier", "corp.example");
    HttpResponse<String> back =
        idpPost(
            request, IDP.response(request.id(), request.consumerUrl(), request.issuer()).encoded());
    assertTrue(HostedBrowser.location(back).startsWith(CALLBACK + "?code="));
  }

  @Test
  void whenTheResponseIsPostedTwiceThenTheSecondShowsCognitosRelayStateError() throws Exception {
    TestSamlIdp.ReceivedRequest request = toIdp("identity_provider", "Corp");
    String response = IDP.response(request.id(), request.consumerUrl(), request.issuer()).encoded();
    assertEquals(302, idpPost(request, response).statusCode());
    HttpResponse<String> replay = idpPost(request, response);
    assertEquals(400, replay.statusCode());
    assertTrue(
        replay.body().contains("Invalid samlResponse or relayState from identity provider"),
        replay.body());
  }

  @Test
  void whenAnotherKeySignedTheResponseThenTheClientGetsServerError() throws Exception {
    TestSamlIdp.ReceivedRequest request = toIdp("identity_provider", "Corp");
    TestSamlIdp impostor = new TestSamlIdp(IDP.entityId(), "https://evil.example");
    HttpResponse<String> back =
        idpPost(
            request,
            impostor.response(request.id(), request.consumerUrl(), request.issuer()).encoded());
    assertEquals(302, back.statusCode());
    Map<String, String> params = HostedBrowser.parameters(HostedBrowser.location(back), false);
    assertEquals("server_error", params.get("error"));
    assertEquals(
        "Invalid SAML response received: SAML Assertion signature is invalid.",
        params.get("error_description"));
    assertEquals("st-1", params.get("state"));
  }

  @Test
  void whenTheResponseIsForAnotherPoolThenTheClientGetsServerError() throws Exception {
    TestSamlIdp.ReceivedRequest request = toIdp("identity_provider", "Corp");
    HttpResponse<String> back =
        idpPost(
            request,
            IDP.response(request.id(), request.consumerUrl(), "urn:amazon:cognito:sp:other")
                .encoded());
    Map<String, String> params = HostedBrowser.parameters(HostedBrowser.location(back), false);
    assertEquals(
        "Invalid SAML response received: Audience is invalid.", params.get("error_description"));
  }

  @Test
  void whenNothingIsPostedThenNoServerErrorButCognitosPage() throws Exception {
    HttpResponse<String> empty = post(server.endpoint() + "/saml2/idpresponse", Map.of());
    assertEquals(400, empty.statusCode());
    HttpResponse<String> garbage =
        post(
            server.endpoint() + "/saml2/idpresponse",
            Map.of("SAMLResponse", "%%%", "RelayState", poolId + ".forged"));
    assertEquals(400, garbage.statusCode());
  }

  @Test
  void whenTheMetadataUrlCannotBeReadThenAuthorizeShowsAnErrorPageNotAServerError()
      throws Exception {
    cognito.createIdentityProvider(
        r ->
            r.userPoolId(poolId)
                .providerName("Gone")
                .providerType(IdentityProviderTypeType.SAML)
                .providerDetails(Map.of("MetadataURL", "http://127.0.0.1:1/metadata.xml")));
    cognito.updateUserPoolClient(
        r ->
            r.userPoolId(poolId)
                .clientId(web.clientId())
                .allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthScopes("openid", "email", "profile")
                .callbackURLs(CALLBACK)
                .supportedIdentityProviders("COGNITO", "Corp", "Gone"));
    HttpResponse<String> authorize = get(authorizeUrl("identity_provider", "Gone"));
    assertEquals(400, authorize.statusCode(), authorize.body());
    assertTrue(authorize.body().contains("The metadata URL could not be read."), authorize.body());
  }

  private void providerDetails(Map<String, String> extra) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("MetadataFile", IDP.metadata());
    details.putAll(extra);
    cognito.updateIdentityProvider(
        r -> r.userPoolId(poolId).providerName("Corp").providerDetails(details));
  }

  /** What an IdP's application tile posts: an unsolicited Response, authorize parameters. */
  private HttpResponse<String> idpInitiated(String response, String provider) throws Exception {
    return idpInitiated(response, "identity_provider", provider);
  }

  private HttpResponse<String> idpInitiated(String response, String parameter, String value)
      throws Exception {
    Map<String, String> relay = new LinkedHashMap<>();
    relay.put("response_type", "code");
    relay.put("client_id", web.clientId());
    relay.put("redirect_uri", CALLBACK);
    relay.put(parameter, value);
    relay.put("scope", "openid email");
    return post(
        server.endpoint() + "/saml2/idpresponse",
        Map.of("SAMLResponse", response, "RelayState", HostedBrowser.encode(relay)));
  }

  private String unsolicitedResponse() {
    return IDP.response(
            null, server.endpoint() + "/saml2/idpresponse", "urn:amazon:cognito:sp:" + poolId)
        .encoded();
  }

  @Test
  void whenIdpInitiatedSignInIsAllowedThenTheUnsolicitedResponseSignsInOnce() throws Exception {
    providerDetails(Map.of("IDPInit", "true"));
    String response = unsolicitedResponse();
    HttpResponse<String> back = idpInitiated(response, "Corp");
    assertEquals(302, back.statusCode(), back.body());
    String callback = HostedBrowser.location(back);
    assertTrue(callback.startsWith(CALLBACK + "?code="), callback);
    Map<String, String> tokens = tokens(HostedBrowser.parameters(callback, false).get("code"));
    JWTClaimsSet id = SignedJWT.parse(tokens.get("id_token")).getJWTClaimsSet();
    assertEquals("Corp_jane@corp.example", id.getStringClaim("cognito:username"));
    assertEquals(
        "openid email",
        SignedJWT.parse(tokens.get("access_token")).getJWTClaimsSet().getStringClaim("scope"));

    // the same assertion a second time: refused, back to the client
    HttpResponse<String> replay = idpInitiated(response, "Corp");
    Map<String, String> params = HostedBrowser.parameters(HostedBrowser.location(replay), false);
    assertEquals("server_error", params.get("error"));
    assertEquals(
        "Invalid SAML response received: The Assertion was already used.",
        params.get("error_description"));

    // a new assertion, the provider named by its identifier
    HttpResponse<String> again =
        idpInitiated(unsolicitedResponse(), "idp_identifier", "corp.example");
    assertTrue(HostedBrowser.location(again).startsWith(CALLBACK + "?code="), again.body());
  }

  @Test
  void whenIdpInitiatedSignInIsNotAllowedThenCognitosRelayStateErrorPage() throws Exception {
    HttpResponse<String> back = idpInitiated(unsolicitedResponse(), "Corp");
    assertEquals(400, back.statusCode());
    assertTrue(
        back.body().contains("Invalid samlResponse or relayState from identity provider"),
        back.body());

    // allowed, but the RelayState names a provider the client does not support
    providerDetails(Map.of("IDPInit", "true"));
    HttpResponse<String> other = idpInitiated(unsolicitedResponse(), "Elsewhere");
    assertEquals(400, other.statusCode());
  }

  @Test
  void whenAnUnsolicitedResponseCarriesInResponseToThenItIsRefused() throws Exception {
    providerDetails(Map.of("IDPInit", "true"));
    String solicited =
        IDP.response(
                "_forged",
                server.endpoint() + "/saml2/idpresponse",
                "urn:amazon:cognito:sp:" + poolId)
            .encoded();
    Map<String, String> params =
        HostedBrowser.parameters(HostedBrowser.location(idpInitiated(solicited, "Corp")), false);
    assertEquals(
        "Invalid SAML response received: InResponseTo is invalid.",
        params.get("error_description"));
  }

  private X509Certificate encryptionCertificate() throws Exception {
    Map<String, String> details =
        cognito
            .describeIdentityProvider(r -> r.userPoolId(poolId).providerName("Corp"))
            .identityProvider()
            .providerDetails();
    assertEquals(
        List.of("ActiveEncryptionCertificate", "MetadataFile"),
        details.keySet().stream().filter(k -> !k.equals("EncryptedResponses")).sorted().toList(),
        "no sealed key or other internal detail is shown");
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(
                    Base64.getMimeDecoder().decode(details.get("ActiveEncryptionCertificate"))));
  }

  @Test
  void whenResponsesAreEncryptedToTheProvidersCertificateThenJaneSignsIn() throws Exception {
    X509Certificate before = encryptionCertificate();
    providerDetails(Map.of("EncryptedResponses", "true"));
    X509Certificate certificate = encryptionCertificate();
    assertEquals(before, certificate, "an update keeps the provider's encryption key");

    TestSamlIdp.ReceivedRequest request = toIdp("identity_provider", "Corp");
    TestSamlIdp.ResponseBuilder answer =
        IDP.response(request.id(), request.consumerUrl(), request.issuer())
            .attribute("firstName", "Jane");
    answer.encryptTo = certificate;
    HttpResponse<String> back = idpPost(request, answer.encoded());
    String callback = HostedBrowser.location(back);
    assertTrue(callback.startsWith(CALLBACK + "?code="), callback);
    Map<String, String> tokens = tokens(HostedBrowser.parameters(callback, false).get("code"));
    JWTClaimsSet id = SignedJWT.parse(tokens.get("id_token")).getJWTClaimsSet();
    assertEquals("Corp_jane@corp.example", id.getStringClaim("cognito:username"));
    assertEquals("Jane", id.getStringClaim("given_name"));
  }

  private String refusedEncrypted(java.util.function.Consumer<TestSamlIdp.ResponseBuilder> change)
      throws Exception {
    TestSamlIdp.ReceivedRequest request = toIdp("identity_provider", "Corp");
    TestSamlIdp.ResponseBuilder answer =
        IDP.response(request.id(), request.consumerUrl(), request.issuer());
    change.accept(answer);
    HttpResponse<String> back = idpPost(request, answer.encoded());
    assertEquals(302, back.statusCode(), back.body());
    Map<String, String> params = HostedBrowser.parameters(HostedBrowser.location(back), false);
    assertEquals("server_error", params.get("error"));
    assertEquals("st-1", params.get("state"));
    return params.get("error_description");
  }

  @Test
  void whenEncryptionIsRequiredThenPlainOtherKeyAndAlteredAssertionsAreRefused() throws Exception {
    providerDetails(Map.of("EncryptedResponses", "true"));
    X509Certificate certificate = encryptionCertificate();
    assertEquals(
        "Invalid SAML response received: The response must contain exactly one EncryptedAssertion.",
        refusedEncrypted(answer -> {}));
    X509Certificate otherKey = new TestSamlIdp("https://other.example", "https://o").certificate();
    assertEquals(
        "Invalid SAML response received: The EncryptedAssertion could not be decrypted.",
        refusedEncrypted(answer -> answer.encryptTo = otherKey));
    assertEquals(
        "Invalid SAML response received: The EncryptedAssertion could not be decrypted.",
        refusedEncrypted(
            answer -> {
              answer.encryptTo = certificate;
              answer.signResponse = false;
              answer.alterCiphertext = true;
            }));
  }

  private static final String SIGNED_OUT = "http://localhost:3000/signed-out";

  /** Signs Jane in through the IdP and answers the cookie /saml2/idpresponse set. */
  private String samlSignIn(TestSamlIdp.ResponseBuilder[] answer) throws Exception {
    cognito.updateUserPoolClient(
        r ->
            r.userPoolId(poolId)
                .clientId(web.clientId())
                .allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthScopes("openid", "email", "profile")
                .callbackURLs(CALLBACK)
                .logoutURLs(SIGNED_OUT)
                .supportedIdentityProviders("COGNITO", "Corp"));
    TestSamlIdp.ReceivedRequest request = toIdp("identity_provider", "Corp");
    answer[0] = IDP.response(request.id(), request.consumerUrl(), request.issuer());
    HttpResponse<String> back = idpPost(request, answer[0].encoded());
    assertTrue(HostedBrowser.location(back).startsWith(CALLBACK + "?code="));
    String cookie = back.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("userpool-saml="), cookie);
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private HttpResponse<String> logout(String cookie) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    server.endpoint()
                        + "/logout?client_id="
                        + web.clientId()
                        + "&logout_uri="
                        + java.net.URLEncoder.encode(
                            SIGNED_OUT, java.nio.charset.StandardCharsets.UTF_8)))
            .header("Cookie", cookie)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void whenTheProviderSignsOutTooThenLogoutGoesThroughItsSingleLogout() throws Exception {
    providerDetails(Map.of("IDPSignout", "true"));
    TestSamlIdp.ResponseBuilder[] answer = new TestSamlIdp.ResponseBuilder[1];
    String cookie = samlSignIn(answer);

    HttpResponse<String> out = logout(cookie);
    assertEquals(302, out.statusCode(), out.body());
    String location = HostedBrowser.location(out);
    assertTrue(location.startsWith("https://idp.corp.example/sso/slo?SAMLRequest="), location);
    TestSamlIdp.ReceivedRequest logoutRequest = TestSamlIdp.receive(location);
    var root = logoutRequest.authnRequest().getDocumentElement();
    assertEquals("LogoutRequest", root.getLocalName());
    assertEquals("urn:amazon:cognito:sp:" + poolId, logoutRequest.issuer());
    assertEquals(
        "jane@corp.example",
        root.getElementsByTagNameNS(TestSamlIdp.ASSERTION, "NameID").item(0).getTextContent());
    assertEquals(
        answer[0].sessionIndex,
        root.getElementsByTagNameNS(TestSamlIdp.PROTOCOL, "SessionIndex").item(0).getTextContent());
    // signed with the pool's signing certificate (GetSigningCertificate)
    X509Certificate signing =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        Base64.getDecoder()
                            .decode(
                                cognito
                                    .getSigningCertificate(r -> r.userPoolId(poolId))
                                    .certificate())));
    String query = location.substring(location.indexOf('?') + 1);
    java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
    verifier.initVerify(signing.getPublicKey());
    verifier.update(
        query
            .substring(0, query.indexOf("&Signature="))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(verifier.verify(Base64.getDecoder().decode(logoutRequest.query().get("Signature"))));

    Map<String, String> form = new LinkedHashMap<>();
    form.put(
        "SAMLResponse",
        IDP.logoutResponse(logoutRequest.id(), server.endpoint() + "/saml2/logout"));
    form.put("RelayState", logoutRequest.relayState());
    HttpResponse<String> back = post(server.endpoint() + "/saml2/logout", form);
    assertEquals(302, back.statusCode(), back.body());
    assertEquals(SIGNED_OUT, HostedBrowser.location(back));

    // the LogoutResponse works once, and the cookie does not start a second sign-out
    assertEquals(400, post(server.endpoint() + "/saml2/logout", form).statusCode());
    assertEquals(SIGNED_OUT, HostedBrowser.location(logout(cookie)));
  }

  @Test
  void whenTheLogoutResponseAnswersAnotherRequestThenCognitosErrorPage() throws Exception {
    providerDetails(Map.of("IDPSignout", "true"));
    String cookie = samlSignIn(new TestSamlIdp.ResponseBuilder[1]);
    TestSamlIdp.ReceivedRequest logoutRequest =
        TestSamlIdp.receive(HostedBrowser.location(logout(cookie)));
    HttpResponse<String> back =
        post(
            server.endpoint() + "/saml2/logout",
            Map.of(
                "SAMLResponse",
                IDP.logoutResponse("_other", server.endpoint() + "/saml2/logout"),
                "RelayState",
                logoutRequest.relayState()));
    assertEquals(400, back.statusCode());
  }

  @Test
  void whenTheProviderDoesNotSignOutThenLogoutGoesStraightToTheApp() throws Exception {
    String cookie = samlSignIn(new TestSamlIdp.ResponseBuilder[1]);
    assertEquals(SIGNED_OUT, HostedBrowser.location(logout(cookie)));
  }
}
