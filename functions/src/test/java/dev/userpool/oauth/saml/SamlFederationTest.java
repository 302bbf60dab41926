package dev.userpool.oauth.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.oauth.federation.FederationState;
import dev.userpool.oauth.federation.PendingAuthorization;
import dev.userpool.store.IdentityProviderStore;
import dev.userpool.store.SamlSigningCertificateStore;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemDeploymentKeyStore;
import dev.userpool.store.items.ItemIdentityProviderStore;
import dev.userpool.store.items.ItemSamlRequestStore;
import dev.userpool.store.items.ItemSamlSigningCertificateStore;
import dev.userpool.store.table.ItemTable;
import dev.userpool.testing.TestSamlIdp;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SamlFederationTest {
  private static final String POOL = "us-east-1_Saml";
  private static final String BASE = "https://auth.example.com";
  private static final PendingAuthorization PENDING =
      new PendingAuthorization(
          POOL,
          "client-1",
          "Corp",
          "code",
          "https://app.example.com/cb",
          "s1",
          List.of("openid"),
          null,
          null,
          null,
          Instant.now().plusSeconds(900).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  private static final TestSamlIdp IDP =
      new TestSamlIdp("https://idp.example.com/entity", "https://idp.example.com/sso");

  private IdentityProviderStore providers;
  private SamlSigningCertificateStore certificates;
  private SamlFederation federation;
  private EncryptionKeys encryptionKeys;
  private IdentityProvider corp;

  @BeforeEach
  void setUp() {
    ItemTable table = EmbeddedItemTable.inMemory(Clock.systemUTC());
    providers = new ItemIdentityProviderStore(table);
    certificates = new ItemSamlSigningCertificateStore(table);
    ItemDeploymentKeyStore keys = new ItemDeploymentKeyStore(table);
    encryptionKeys = new EncryptionKeys(keys, new SecureRandom());
    federation =
        new SamlFederation(
            providers,
            new ItemSamlRequestStore(table),
            new FederationState(keys, new SecureRandom()),
            new MetadataSource(),
            certificates,
            encryptionKeys,
            new SecureRandom());
    corp = provider("Corp", Map.of("MetadataFile", IDP.metadata()));
  }

  private IdentityProvider provider(String name, Map<String, String> details) {
    IdentityProvider p =
        new IdentityProvider(
            POOL, name, "SAML", details, Map.of(), List.of(), Instant.now(), Instant.now(), 0);
    assertTrue(providers.create(p));
    return providers.find(POOL, name).orElseThrow();
  }

  private TestSamlIdp.ReceivedRequest start() {
    return TestSamlIdp.receive(federation.start(corp, PENDING, BASE, Instant.now()));
  }

  private TestSamlIdp.ResponseBuilder answer(TestSamlIdp.ReceivedRequest request) {
    return IDP.response(request.id(), request.consumerUrl(), request.issuer());
  }

  private SamlFederation.Outcome post(String samlResponse, String relayState) {
    return federation.finish(samlResponse, relayState, BASE, Instant.now());
  }

  @Test
  void whenSignInStartsThenTheIdpReceivesADeflatedAuthnRequestForThisPool() {
    String location = federation.start(corp, PENDING, BASE, Instant.now());
    assertTrue(location.startsWith("https://idp.example.com/sso?SAMLRequest="), location);
    TestSamlIdp.ReceivedRequest request = TestSamlIdp.receive(location);
    var root = request.authnRequest().getDocumentElement();
    assertEquals("AuthnRequest", root.getLocalName());
    assertTrue(request.id().startsWith("_") && request.id().length() > 20);
    assertEquals("https://idp.example.com/sso", root.getAttribute("Destination"));
    assertEquals(BASE + "/saml2/idpresponse", request.consumerUrl());
    assertEquals("urn:amazon:cognito:sp:" + POOL, request.issuer());
    assertFalse(root.getAttribute("IssueInstant").isEmpty());
    assertTrue(request.relayState().startsWith(POOL + "."));
    assertTrue(request.relayState().length() <= 80, "SAML bindings §3.4.3 allows 80 bytes");
    assertFalse(request.query().containsKey("Signature"));
  }

  @Test
  void whenTheProviderWantsSignedRequestsThenThePoolsSigningCertificateSignsTheQuery()
      throws Exception {
    IdentityProvider signed =
        provider(
            "Signed",
            Map.of("MetadataFile", IDP.metadata(), "RequestSigningAlgorithm", "rsa-sha256"));
    String location = federation.start(signed, PENDING, BASE, Instant.now());
    TestSamlIdp.ReceivedRequest request = TestSamlIdp.receive(location);
    assertEquals(AuthnRequests.RSA_SHA256, request.query().get("SigAlg"));
    String query = location.substring(location.indexOf('?') + 1);
    String signedPart = query.substring(0, query.indexOf("&Signature="));
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        certificates.getOrCreate(POOL, () -> null).certificateDer()));
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(signedPart.getBytes(StandardCharsets.UTF_8));
    assertTrue(
        verifier.verify(Base64.getDecoder().decode(request.query().get("Signature"))),
        "the signature verifies with the certificate GetSigningCertificate hands out");
  }

  @Test
  void whenTheIdpAnswersCorrectlyThenTheIdentityAndTheAuthorizeRequestComeBack() {
    TestSamlIdp.ReceivedRequest request = start();
    var outcome =
        assertInstanceOf(
            SamlFederation.Outcome.Accepted.class,
            post(answer(request).attribute("given", "Jane").encoded(), request.relayState()));
    assertEquals(PENDING, outcome.pending());
    assertEquals("SAML", outcome.identity().providerType());
    assertEquals("Corp", outcome.identity().providerName());
    assertEquals("jane@corp.example", outcome.identity().subject());
    assertEquals(IDP.entityId(), outcome.identity().issuer());
    assertEquals("Jane", outcome.identity().providerAttributes().get("given"));
  }

  @Test
  void whenTheSameResponseIsPostedAgainThenItIsUnbound() {
    TestSamlIdp.ReceivedRequest request = start();
    String response = answer(request).encoded();
    assertInstanceOf(SamlFederation.Outcome.Accepted.class, post(response, request.relayState()));
    assertInstanceOf(SamlFederation.Outcome.Unbound.class, post(response, request.relayState()));
  }

  @Test
  void whenTheRelayStateIsForgedOrMissingThenItIsUnbound() {
    TestSamlIdp.ReceivedRequest request = start();
    String response = answer(request).encoded();
    assertInstanceOf(SamlFederation.Outcome.Unbound.class, post(response, POOL + ".guessed"));
    assertInstanceOf(SamlFederation.Outcome.Unbound.class, post(response, null));
    assertInstanceOf(SamlFederation.Outcome.Unbound.class, post(response, "no-dot"));
  }

  @Test
  void whenASignedAssertionIsReplayedInsideAnAnswerToANewRequestThenItIsRefused() {
    TestSamlIdp.ReceivedRequest first = start();
    var b = answer(first);
    b.signResponse = false; // only the assertion is signed, and it names no request
    b.subjectConfirmationInResponseTo = false;
    Document doc = b.document();
    assertInstanceOf(
        SamlFederation.Outcome.Accepted.class, post(TestSamlIdp.encode(doc), first.relayState()));

    TestSamlIdp.ReceivedRequest second = start();
    doc.getDocumentElement().setAttribute("InResponseTo", second.id());
    var refused =
        assertInstanceOf(
            SamlFederation.Outcome.Refused.class,
            post(TestSamlIdp.encode(doc), second.relayState()));
    assertEquals("The Assertion was already used.", refused.reason());
  }

  @Test
  void whenTheAnswerIsSignedByAnotherKeyThenItIsRefusedWithTheAuthorizeRequest() {
    TestSamlIdp.ReceivedRequest request = start();
    TestSamlIdp impostor = new TestSamlIdp(IDP.entityId(), "https://evil.example.com");
    var refused =
        assertInstanceOf(
            SamlFederation.Outcome.Refused.class,
            post(
                impostor.response(request.id(), request.consumerUrl(), request.issuer()).encoded(),
                request.relayState()));
    assertEquals(PENDING, refused.pending());
    assertEquals("SAML Assertion signature is invalid.", refused.reason());
  }

  @Test
  void whenTheProviderNamesAMetadataUrlThenItIsFetchedFromThere() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] metadata = IDP.metadata().getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/metadata.xml",
        exchange -> {
          exchange.sendResponseHeaders(200, metadata.length);
          exchange.getResponseBody().write(metadata);
          exchange.close();
        });
    server.start();
    try {
      IdentityProvider byUrl =
          provider(
              "ByUrl",
              Map.of(
                  "MetadataURL",
                  "http://127.0.0.1:" + server.getAddress().getPort() + "/metadata.xml"));
      TestSamlIdp.ReceivedRequest request =
          TestSamlIdp.receive(federation.start(byUrl, PENDING, BASE, Instant.now()));
      assertInstanceOf(
          SamlFederation.Outcome.Accepted.class,
          post(answer(request).encoded(), request.relayState()));
    } finally {
      server.stop(0);
    }
  }

  private String unsolicited() {
    return IDP.response(null, BASE + "/saml2/idpresponse", "urn:amazon:cognito:sp:" + POOL)
        .encoded();
  }

  @Test
  void whenTheProviderDoesNotAllowIdpInitiatedSignInThenAnUnsolicitedResponseIsUnbound() {
    assertInstanceOf(
        SamlFederation.Outcome.Unbound.class,
        federation.finishUnsolicited(corp, PENDING, unsolicited(), BASE, Instant.now()));
    IdentityProvider off =
        provider("Off", Map.of("MetadataFile", IDP.metadata(), "IDPInit", "false"));
    assertInstanceOf(
        SamlFederation.Outcome.Unbound.class,
        federation.finishUnsolicited(off, PENDING, unsolicited(), BASE, Instant.now()));
  }

  @Test
  void whenIdpInitiatedSignInIsAllowedThenEachAssertionIsAcceptedOnce() {
    IdentityProvider open =
        provider("Open", Map.of("MetadataFile", IDP.metadata(), "IDPInit", "true"));
    String response = unsolicited();
    var accepted =
        assertInstanceOf(
            SamlFederation.Outcome.Accepted.class,
            federation.finishUnsolicited(open, PENDING, response, BASE, Instant.now()));
    assertEquals("Open", accepted.identity().providerName());
    assertEquals(PENDING, accepted.pending());
    var replay =
        assertInstanceOf(
            SamlFederation.Outcome.Refused.class,
            federation.finishUnsolicited(open, PENDING, response, BASE, Instant.now()));
    assertEquals("The Assertion was already used.", replay.reason());
  }

  @Test
  void whenARelayStateHasOurShapeThenItIsTakenForSpInitiated() {
    assertTrue(SamlFederation.issuedRelayState(start().relayState()));
    assertFalse(SamlFederation.issuedRelayState("client_id=abc&redirect_uri=https%3A%2F%2Fa"));
    assertFalse(SamlFederation.issuedRelayState(null));
  }

  @Test
  void whenTheProviderRequiresEncryptionThenItsSealedKeyDecryptsTheAssertion() {
    Map<String, String> details =
        encryptionKeys.stored(
            "SAML",
            POOL,
            "Sealed",
            Map.of("MetadataFile", IDP.metadata(), "EncryptedResponses", "true"),
            null,
            Instant.now());
    IdentityProvider sealed = provider("Sealed", details);
    TestSamlIdp.ReceivedRequest request =
        TestSamlIdp.receive(federation.start(sealed, PENDING, BASE, Instant.now()));
    var b = answer(request);
    b.encryptTo = IdpMetadata.certificate(details.get(EncryptionKeys.CERTIFICATE));
    assertInstanceOf(
        SamlFederation.Outcome.Accepted.class, post(b.encoded(), request.relayState()));
  }
}
