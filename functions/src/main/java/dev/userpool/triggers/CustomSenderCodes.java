package dev.userpool.triggers;

/**
 * Encrypts the code (or temporary password) handed to a custom sender trigger the way Cognito does:
 * an AWS Encryption SDK message under the pool's {@code KMSKeyID}, with the encryption context
 * {@code {"userpool-id": <pool id>}}, base64 (sources §5.5, ADR 0021).
 */
public interface CustomSenderCodes {

  /**
   * The base64 ciphertext of {@code code}.
   *
   * @throws TriggerFailure ({@link TriggerFailure.Kind#NOT_INVOKABLE}, detail the KMS error code)
   *     when the key cannot be used: the function is then not invoked
   */
  String encrypt(String kmsKeyArn, String userPoolId, String code);
}
