package dev.userpool.triggers;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@link CustomSenderCodes} with the AWS Encryption SDK and KMS, called over its JSON API ({@link
 * KmsApiMasterKey}: the message the SDK's KMS master key provider would write). Cognito's messages
 * are not key-committing (functions decrypt them with a policy that allows that), so encryption
 * forbids commitment, which selects the Encryption SDK's signed default suite (AES-256-GCM,
 * HKDF-SHA384, ECDSA P-384) — the message a function written for Cognito expects (unconfirmed which
 * suite Cognito picks: docs/fidelity.md).
 */
public final class KmsCustomSenderCodes implements CustomSenderCodes {
  /** Cognito's encryption context key (sources §5.5). */
  public static final String CONTEXT_KEY = "userpool-id";

  private final AwsCrypto crypto =
      AwsCrypto.builder().withCommitmentPolicy(CommitmentPolicy.ForbidEncryptAllowDecrypt).build();
  private final KmsApi kms;
  private final String defaultRegion;

  /**
   * @param endpoint a KMS endpoint to call instead of each key's regional one (moto); null for AWS
   * @param defaultRegion the region of a key id that is not an ARN
   */
  public KmsCustomSenderCodes(
      String endpoint, AwsCredentialsProvider credentials, String defaultRegion) {
    this.kms = new KmsApi(endpoint, credentials);
    this.defaultRegion = defaultRegion;
  }

  @Override
  public String encrypt(String kmsKeyArn, String userPoolId, String code) {
    try {
      KmsApiMasterKey key = new KmsApiMasterKey(kms, kmsKeyArn, regionOf(kmsKeyArn));
      byte[] message =
          crypto
              .encryptData(
                  key, code.getBytes(StandardCharsets.UTF_8), Map.of(CONTEXT_KEY, userPoolId))
              .getResult();
      return Base64.getEncoder().encodeToString(message);
    } catch (RuntimeException e) {
      String error = kmsError(e);
      Log.LOG.log(
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

  /** {@code arn:aws:kms:<region>:<account>:key/<id>}'s region; else the default one. */
  private String regionOf(String keyId) {
    String[] parts = keyId.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") && !parts[3].isEmpty()
        ? parts[3]
        : defaultRegion;
  }

  /** The KMS error code behind a failure (e.g. NotFoundException), else the failure's kind. */
  private static String kmsError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KmsApi.KmsApiException refused && refused.code() != null) {
        return refused.code();
      }
      if (t instanceof UncheckedIOException) {
        return "KMSUnavailable";
      }
    }
    return e.getClass().getSimpleName();
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(KmsCustomSenderCodes.class.getName());
  }
}
