package dev.userpool.oauth.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.items.ItemDeploymentKeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class EncryptionKeysTest {
  private static final String POOL = "us-east-1_Keys";
  private final EncryptionKeys keys =
      new EncryptionKeys(
          new ItemDeploymentKeyStore(EmbeddedItemTable.inMemory(Clock.systemUTC())),
          new SecureRandom());

  private static IdentityProvider saml(String name, Map<String, String> details) {
    return new IdentityProvider(
        POOL, name, "SAML", details, Map.of(), List.of(), Instant.now(), Instant.now(), 0);
  }

  @Test
  void whenASamlProviderIsStoredThenItGetsACertificateWhosePrivateKeyOnlyItOpens()
      throws Exception {
    Map<String, String> details =
        keys.stored(
            "SAML",
            POOL,
            "Corp",
            Map.of("MetadataFile", "<md/>", EncryptionKeys.CERTIFICATE, "forged"),
            null,
            Instant.now());
    X509Certificate certificate = IdpMetadata.certificate(details.get(EncryptionKeys.CERTIFICATE));
    assertEquals("CN=" + POOL, certificate.getSubjectX500Principal().getName());

    Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
    rsa.init(Cipher.ENCRYPT_MODE, certificate.getPublicKey());
    byte[] sealed = rsa.doFinal(new byte[] {1, 2, 3});
    rsa.init(Cipher.DECRYPT_MODE, keys.privateKey(saml("Corp", details)));
    assertEquals(3, rsa.doFinal(sealed).length);

    // the sealed key is bound to its pool and provider: copied to another provider it does not open
    assertThrows(SamlException.class, () -> keys.privateKey(saml("Other", details)));
    assertFalse(
        EncryptionKeys.visible(details).containsKey(EncryptionKeys.SEALED_KEY),
        "responses never show the sealed key");
  }

  @Test
  void whenTheProviderIsUpdatedThenItKeepsItsPairWhateverTheCallerSends() {
    Map<String, String> before =
        keys.stored("SAML", POOL, "Corp", Map.of("MetadataFile", "<md/>"), null, Instant.now());
    Map<String, String> after =
        keys.stored(
            "SAML",
            POOL,
            "Corp",
            Map.of("MetadataFile", "<md2/>", EncryptionKeys.CERTIFICATE, "forged"),
            before,
            Instant.now());
    assertEquals(before.get(EncryptionKeys.CERTIFICATE), after.get(EncryptionKeys.CERTIFICATE));
    assertEquals(before.get(EncryptionKeys.SEALED_KEY), after.get(EncryptionKeys.SEALED_KEY));
    assertEquals("<md2/>", after.get("MetadataFile"));
    Map<String, String> fresh =
        keys.stored("SAML", POOL, "New", Map.of("MetadataFile", "<md/>"), null, Instant.now());
    assertNotEquals(before.get(EncryptionKeys.CERTIFICATE), fresh.get(EncryptionKeys.CERTIFICATE));
  }

  @Test
  void whenTheProviderIsNotSamlThenItsDetailsAreUntouched() {
    Map<String, String> oidc = Map.of("client_id", "c");
    assertSame(oidc, keys.stored("OIDC", POOL, "Corp", oidc, null, Instant.now()));
  }
}
