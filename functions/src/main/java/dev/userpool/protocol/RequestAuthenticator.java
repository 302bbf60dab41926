package dev.userpool.protocol;

import dev.userpool.validation.ServiceModel;

/**
 * Decides whether a request may call an operation before its input is read: SigV4 for the IAM
 * operations. The default accepts everything (local mode without admin keys).
 */
@FunctionalInterface
public interface RequestAuthenticator {
  RequestAuthenticator ACCEPT_ALL = (request, operation) -> {};

  /** Throws a CognitoException with the AWS error for a missing or bad signature. */
  void authenticate(ApiRequest request, ServiceModel.OperationShape operation);
}
