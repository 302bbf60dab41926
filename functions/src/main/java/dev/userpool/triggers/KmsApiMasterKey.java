package dev.userpool.triggers;

import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.DataKey;
import com.amazonaws.encryptionsdk.EncryptedDataKey;
import com.amazonaws.encryptionsdk.MasterKey;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A KMS key as the Encryption SDK's master key, for encryption only: provider id {@code aws-kms},
 * the key ARN as key id, data keys made by KMS GenerateDataKey / Encrypt ({@link KmsApi}) with the
 * message's encryption context, and the ARN KMS answers as provider information. That is what the
 * SDK's own KMS master key writes, so any KMS keyring or master key provider decrypts the message.
 */
final class KmsApiMasterKey extends MasterKey<KmsApiMasterKey> {
  static final String PROVIDER_ID = "aws-kms";

  private final KmsApi kms;
  private final String keyArn;
  private final String region;

  /**
   * @param region the key's region (the ARN's)
   */
  KmsApiMasterKey(KmsApi kms, String keyArn, String region) {
    this.kms = kms;
    this.keyArn = keyArn;
    this.region = region;
  }

  @Override
  public String getProviderId() {
    return PROVIDER_ID;
  }

  @Override
  public String getKeyId() {
    return keyArn;
  }

  @Override
  public DataKey<KmsApiMasterKey> generateDataKey(
      CryptoAlgorithm algorithm, Map<String, String> encryptionContext) {
    KmsApi.DataKey generated =
        kms.generateDataKey(region, keyArn, algorithm.getDataKeyLength(), encryptionContext);
    if (generated.plaintext().length != algorithm.getDataKeyLength()) {
      throw new IllegalStateException("Received an unexpected number of bytes from KMS");
    }
    return new DataKey<>(
        new SecretKeySpec(generated.plaintext(), algorithm.getDataKeyAlgo()),
        generated.ciphertext(),
        generated.keyArn().getBytes(StandardCharsets.UTF_8),
        this);
  }

  @Override
  public DataKey<KmsApiMasterKey> encryptDataKey(
      CryptoAlgorithm algorithm, Map<String, String> encryptionContext, DataKey<?> dataKey) {
    SecretKey key = dataKey.getKey();
    if (!"RAW".equals(key.getFormat())) {
      throw new IllegalArgumentException("Only RAW encoded keys are supported");
    }
    KmsApi.DataKey encrypted = kms.encrypt(region, keyArn, key.getEncoded(), encryptionContext);
    return new DataKey<>(
        key, encrypted.ciphertext(), encrypted.keyArn().getBytes(StandardCharsets.UTF_8), this);
  }

  /** Userpool never decrypts what it hands custom senders: only the pool's functions do. */
  @Override
  public DataKey<KmsApiMasterKey> decryptDataKey(
      CryptoAlgorithm algorithm,
      Collection<? extends EncryptedDataKey> encryptedDataKeys,
      Map<String, String> encryptionContext) {
    throw buildCannotDecryptDksException();
  }
}
