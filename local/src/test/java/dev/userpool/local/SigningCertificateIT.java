package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * GetSigningCertificate through the AWS SDK v2: a self-signed X.509 per pool, the same on every
 * call.
 */
class SigningCertificateIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenCertificateIsFetchedTwiceThenItIsTheSameSelfSignedRsaCertificate() throws Exception {
    String poolId = TestPools.builder().create(server);

    String first = cognito.getSigningCertificate(b -> b.userPoolId(poolId)).certificate();
    String second = cognito.getSigningCertificate(b -> b.userPoolId(poolId)).certificate();

    assertEquals(first, second);
    X509Certificate x509 =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(first)));
    x509.verify(x509.getPublicKey());
    x509.checkValidity();
    assertEquals("SHA256withRSA", x509.getSigAlgName());
    assertEquals("CN=" + poolId, x509.getSubjectX500Principal().getName());
  }

  @Test
  void whenPoolsDifferThenTheirCertificatesDiffer() {
    String one = TestPools.builder().create(server);
    String two = TestPools.builder().create(server);

    assertNotEquals(
        cognito.getSigningCertificate(b -> b.userPoolId(one)).certificate(),
        cognito.getSigningCertificate(b -> b.userPoolId(two)).certificate());
  }

  @Test
  void whenPoolIsMissingThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "User pool us-east-1_Missing00 does not exist.",
        () -> cognito.getSigningCertificate(b -> b.userPoolId("us-east-1_Missing00")));
  }
}
