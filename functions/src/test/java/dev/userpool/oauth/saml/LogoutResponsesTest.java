package dev.userpool.oauth.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.testing.TestSamlIdp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LogoutResponsesTest {
  private static final String ENDPOINT = "https://auth.example.com/saml2/logout";
  private static final TestSamlIdp IDP =
      new TestSamlIdp("https://idp.example.com/entity", "https://idp.example.com/sso");
  private static final IdpMetadata METADATA = IdpMetadata.parse(IDP.metadata());

  private static String refusal(String encoded) {
    return assertThrows(
            SamlException.class,
            () -> LogoutResponses.check(encoded, "_logout-1", ENDPOINT, METADATA))
        .getMessage();
  }

  @Test
  void whenTheIdpAnswersOurRequestThenItIsAccepted() {
    LogoutResponses.check(
        IDP.logoutResponse("_logout-1", ENDPOINT), "_logout-1", ENDPOINT, METADATA);
    assertEquals(
        "https://idp.example.com/sso/slo", METADATA.sloRedirectUrl(), "read from the metadata");
  }

  @Test
  void whenItAnswersAnotherRequestOrEndpointThenItIsRefused() {
    assertEquals("InResponseTo is invalid.", refusal(IDP.logoutResponse("_other", ENDPOINT)));
    assertEquals(
        "Destination is invalid.",
        refusal(IDP.logoutResponse("_logout-1", "https://elsewhere.example.com/saml2/logout")));
  }

  @Test
  void whenAnotherEntityOrKeyAnswersThenItIsRefused() {
    TestSamlIdp other = new TestSamlIdp("https://other.example.com", "https://other.example.com");
    assertEquals("Issuer is invalid.", refusal(other.logoutResponse("_logout-1", ENDPOINT)));
    TestSamlIdp impostor = new TestSamlIdp(IDP.entityId(), "https://evil.example.com");
    assertEquals(
        "SAML Assertion signature is invalid.",
        refusal(impostor.logoutResponse("_logout-1", ENDPOINT)));
  }

  @Test
  void whenTheSignedAnswerIsAlteredThenItIsRefused() {
    Document doc =
        TestSamlIdp.parse(Base64.getDecoder().decode(IDP.logoutResponse("_logout-1", ENDPOINT)));
    doc.getElementsByTagNameNS(TestSamlIdp.PROTOCOL, "StatusCode")
        .item(0)
        .getAttributes()
        .getNamedItem("Value")
        .setNodeValue("urn:oasis:names:tc:SAML:2.0:status:Requester");
    assertEquals("SAML Assertion signature is invalid.", refusal(TestSamlIdp.encode(doc)));
  }

  @Test
  void whenTheDocumentIsNotALogoutResponseThenItIsRefused() {
    String other = "<x:Other xmlns:x=\"urn:example\"/>";
    assertEquals(
        "The document is not a SAML 2.0 LogoutResponse.",
        refusal(Base64.getEncoder().encodeToString(other.getBytes(StandardCharsets.UTF_8))));
  }
}
