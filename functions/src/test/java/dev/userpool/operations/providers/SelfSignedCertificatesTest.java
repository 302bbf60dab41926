package dev.userpool.operations.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.SamlSigningCertificate;
import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

/**
 * The JDK's own X.509 parser accepts what {@link SelfSignedCertificates} writes, and the key pair
 * matches.
 */
class SelfSignedCertificatesTest {
  private static final Instant NOW = Instant.parse("2026-12-03T23:00:00Z");

  @Test
  void whenCertificateIsCreatedThenTheJdkParsesAndVerifiesIt() throws Exception {
    SamlSigningCertificate c =
        new SelfSignedCertificates(new SecureRandom()).create("us-east-1_Abc", NOW);

    X509Certificate x509 =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.certificateDer()));
    x509.verify(x509.getPublicKey());
    x509.checkValidity(Date.from(NOW.plusSeconds(3600)));

    assertEquals(3, x509.getVersion());
    assertEquals("SHA256withRSA", x509.getSigAlgName());
    assertEquals("CN=us-east-1_Abc", x509.getSubjectX500Principal().getName());
    assertEquals(x509.getSubjectX500Principal(), x509.getIssuerX500Principal());
    assertEquals(2048, ((RSAPublicKey) x509.getPublicKey()).getModulus().bitLength());
    assertTrue(x509.getNotAfter().toInstant().isAfter(NOW.plusSeconds(9L * 365 * 24 * 3600)));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(
        KeyFactory.getInstance("RSA")
            .generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(c.privateKeyPkcs8()))));
    signer.update(new byte[] {42});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(x509.getPublicKey());
    verifier.update(new byte[] {42});
    assertTrue(verifier.verify(signature), "the stored private key belongs to the certificate");
  }

  @Test
  void whenValidityReaches2050ThenGeneralizedTimeIsUsedAndParsed() throws Exception {
    Instant late = Instant.parse("2045-06-01T00:00:00Z");
    SamlSigningCertificate c =
        new SelfSignedCertificates(new SecureRandom()).create("us-east-1_Late", late);

    X509Certificate x509 =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.certificateDer()));

    assertEquals(late, x509.getNotBefore().toInstant());
    assertTrue(x509.getNotAfter().toInstant().isAfter(Instant.parse("2055-01-01T00:00:00Z")));
  }
}
