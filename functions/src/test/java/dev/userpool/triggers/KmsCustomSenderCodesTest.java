package dev.userpool.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKey;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
import dev.userpool.testing.MotoServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Codes encrypted over KMS's JSON API (moto's KMS) decrypt with the Encryption SDK's own KMS master
 * key provider on the SDK's KmsClient, as a custom sender function written for Cognito decrypts
 * them; KMS's refusals name the KMS error.
 */
class KmsCustomSenderCodesTest {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
  private static KmsClient kms;
  private static String keyArn;

  @BeforeAll
  static void key() {
    kms =
        KmsClient.builder()
            .endpointOverride(MotoServer.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    keyArn = kms.createKey(b -> b.description("custom sender codes")).keyMetadata().arn();
  }

  @AfterAll
  static void close() {
    kms.close();
  }

  private static KmsCustomSenderCodes codes(String endpoint) {
    return new KmsCustomSenderCodes(endpoint, CREDENTIALS, "eu-west-1");
  }

  @Test
  void theSdksKmsMasterKeyProviderDecryptsTheCodeUnderThePoolsContext() {
    String message = codes(MotoServer.endpoint().toString()).encrypt(keyArn, "us-east-1_p", "042");

    AwsCrypto crypto =
        AwsCrypto.builder()
            .withCommitmentPolicy(CommitmentPolicy.RequireEncryptAllowDecrypt)
            .build();
    KmsMasterKeyProvider provider =
        KmsMasterKeyProvider.builder().customRegionalClientSupplier(r -> kms).buildStrict(keyArn);
    CryptoResult<byte[], KmsMasterKey> result =
        crypto.decryptData(provider, Base64.getDecoder().decode(message));

    assertEquals("042", new String(result.getResult(), StandardCharsets.UTF_8));
    assertEquals("us-east-1_p", result.getEncryptionContext().get("userpool-id"));
    assertEquals(keyArn, result.getMasterKeyIds().get(0));
    assertEquals(
        CryptoAlgorithm.ALG_AES_256_GCM_IV12_TAG16_HKDF_SHA384_ECDSA_P384,
        result.getCryptoAlgorithm());
    assertEquals(1, result.getHeaders().getEncryptedKeyBlobCount());
    assertEquals("aws-kms", result.getHeaders().getEncryptedKeyBlobs().get(0).getProviderId());
  }

  @Test
  void aKeyKmsDoesNotHaveIsNotFoundException() {
    String unknown = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000";
    TriggerFailure e =
        assertThrows(
            TriggerFailure.class,
            () -> codes(MotoServer.endpoint().toString()).encrypt(unknown, "us-east-1_p", "042"));

    assertEquals(TriggerFailure.Kind.NOT_INVOKABLE, e.kind());
    assertEquals("NotFoundException", e.detail());
  }

  @Test
  void whenKmsCannotBeReachedThenKmsUnavailable() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    TriggerFailure e =
        assertThrows(
            TriggerFailure.class,
            () -> codes("http://127.0.0.1:" + closed + "/").encrypt(keyArn, "us-east-1_p", "042"));

    assertEquals("KMSUnavailable", e.detail());
  }
}
