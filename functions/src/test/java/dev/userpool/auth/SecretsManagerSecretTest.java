package dev.userpool.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.testing.MotoServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The admin key secret read with GetSecretValue from Secrets Manager as moto serves it; the secret
 * is created with the AWS SDK's Secrets Manager client, as the CDK stack's secret would be.
 */
class SecretsManagerSecretTest {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  private static String createSecret(String value) {
    try (SecretsManagerClient client =
        SecretsManagerClient.builder()
            .endpointOverride(MotoServer.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      return client
          .createSecret(r -> r.name("admin-" + UUID.randomUUID()).secretString(value))
          .arn();
    }
  }

  private static SecretsManagerSecret secret(String id) {
    return new SecretsManagerSecret(MotoServer.endpoint().toString(), "us-east-1", id, CREDENTIALS);
  }

  @Test
  void whenSecretExistsThenItsStringIsReadAndParsesAsTheAdminKey() {
    String arn =
        createSecret("{\"accessKeyId\":\"UPADMINEXAMPLE\",\"secretAccessKey\":\"s3cr3t\"}");
    assertEquals(Map.of("UPADMINEXAMPLE", "s3cr3t"), AdminKeySecret.parse(secret(arn).get()));
  }

  @Test
  void whenSecretIsMissingThenTheErrorNamesSecretsManagersCodeButNoValue() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> secret("arn:aws:secretsmanager:us-east-1:123456789012:secret:nope-AbCdEf").get());
    assertTrue(e.getMessage().contains("ResourceNotFoundException"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"));
  }
}
