package dev.userpool.triggers;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@link CustomSenderCodes} with the AWS Encryption SDK and KMS (SDK v2 client). Cognito's messages
 * are not key-committing (functions decrypt them with a policy that allows that), so encryption
 * forbids commitment, which selects the Encryption SDK's signed default suite (AES-256-GCM,
 * HKDF-SHA384, ECDSA P-384) — the message a function written for Cognito expects (unconfirmed which
 * suite Cognito picks: docs/fidelity.md).
 */
public final class KmsCustomSenderCodes implements CustomSenderCodes {
  /** Cognito's encryption context key (sources §5.5). */
  public static final String CONTEXT_KEY = "userpool-id";

  private static final System.Logger LOG = System.getLogger(KmsCustomSenderCodes.class.getName());
  private final AwsCrypto crypto =
      AwsCrypto.builder().withCommitmentPolicy(CommitmentPolicy.ForbidEncryptAllowDecrypt).build();
  private final Function<Region, KmsClient> clients;

  /**
   * @param clients the KMS client of a key's region (built on first use, one per region)
   */
  public KmsCustomSenderCodes(Function<Region, KmsClient> clients) {
    this.clients = clients;
  }

  @Override
  public String encrypt(String kmsKeyArn, String userPoolId, String code) {
    try {
      KmsMasterKeyProvider key =
          KmsMasterKeyProvider.builder()
              .customRegionalClientSupplier(clients::apply)
              .buildStrict(kmsKeyArn);
      byte[] message =
          crypto
              .encryptData(
                  key, code.getBytes(StandardCharsets.UTF_8), Map.of(CONTEXT_KEY, userPoolId))
              .getResult();
      return Base64.getEncoder().encodeToString(message);
    } catch (RuntimeException e) {
      String error = kmsError(e);
      LOG.log(
          System.Logger.Level.WARNING,
          "custom sender code of pool "
              + userPoolId
              + " not encrypted under "
              + kmsKeyArn
              + ": "
              + error);
      throw TriggerFailure.notInvokable(error);
    }
  }

  /** The KMS error code behind a failure (e.g. NotFoundException), else the failure's kind. */
  private static String kmsError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException service && service.awsErrorDetails() != null) {
        return service.awsErrorDetails().errorCode();
      }
      if (t instanceof SdkClientException) {
        return "KMSUnavailable";
      }
    }
    return e.getClass().getSimpleName();
  }
}
