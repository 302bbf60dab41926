package dev.userpool.oauth.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.testing.TestSamlIdp;
import org.junit.jupiter.api.Test;

class IdpMetadataTest {
  @Test
  void whenMetadataIsParsedThenEntityRedirectSsoAndSigningCertificateAreRead() {
    TestSamlIdp idp = new TestSamlIdp("https://idp.example.com/e", "https://idp.example.com/sso");
    IdpMetadata m = IdpMetadata.parse(idp.metadata());
    assertEquals("https://idp.example.com/e", m.entityId());
    assertEquals("https://idp.example.com/sso", m.ssoRedirectUrl());
    assertEquals(1, m.certificates().size());
  }

  @Test
  void whenMetadataHasNoRedirectBindingThenItIsRefused() {
    TestSamlIdp idp = new TestSamlIdp("e", "https://idp.example.com/sso");
    String postOnly = idp.metadata().replace("bindings:HTTP-Redirect", "bindings:SOAP");
    assertThrows(SamlException.class, () -> IdpMetadata.parse(postOnly));
  }

  @Test
  void whenMetadataHasOnlyAnEncryptionKeyThenItIsRefused() {
    TestSamlIdp idp = new TestSamlIdp("e", "https://idp.example.com/sso");
    String encryptionOnly = idp.metadata().replace("use=\"signing\"", "use=\"encryption\"");
    assertEquals(
        "metadata has no signing certificate",
        assertThrows(SamlException.class, () -> IdpMetadata.parse(encryptionOnly)).getMessage());
  }

  @Test
  void whenMetadataIsNotXmlThenItIsRefused() {
    assertThrows(SamlException.class, () -> IdpMetadata.parse("<EntityDescriptor"));
  }
}
