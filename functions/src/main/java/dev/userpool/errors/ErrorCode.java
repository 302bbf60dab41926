package dev.userpool.errors;

/**
 * Every error Userpool answers with, named as Cognito (or the AWS JSON protocol layer) names it.
 * The HTTP status is 400 for every modeled exception and 500 only for the two faults (sources
 * §1.3).
 */
public enum ErrorCode {
  ALIAS_EXISTS("AliasExistsException", 400, "An account with the email already exists."),
  CODE_DELIVERY_FAILURE("CodeDeliveryFailureException", 400, "Unable to deliver the code."),
  CODE_MISMATCH(
      "CodeMismatchException", 400, "Invalid verification code provided, please try again."),
  CONCURRENT_MODIFICATION(
      "ConcurrentModificationException", 400, "The resource was modified concurrently, try again."),
  DEVICE_KEY_EXISTS("DeviceKeyExistsException", 400, "Device key already exists."),
  DUPLICATE_PROVIDER(
      "DuplicateProviderException", 400, "A provider with this name already exists."),
  ENABLE_SOFTWARE_TOKEN_MFA(
      "EnableSoftwareTokenMFAException", 400, "Code mismatch and fail enable Software Token MFA"),
  EXPIRED_CODE("ExpiredCodeException", 400, "Invalid code provided, please request a code again."),
  FEATURE_UNAVAILABLE_IN_TIER(
      "FeatureUnavailableInTierException",
      400,
      "This feature is not available in the current pricing tier."),
  GROUP_EXISTS("GroupExistsException", 400, "A group with the name already exists."),
  INTERNAL_ERROR("InternalErrorException", 500, "Internal server error."),
  INVALID_EMAIL_ROLE_ACCESS_POLICY(
      "InvalidEmailRoleAccessPolicyException", 400, "Email role access policy is invalid."),
  INVALID_LAMBDA_RESPONSE("InvalidLambdaResponseException", 400, "Unrecognizable lambda output"),
  INVALID_OAUTH_FLOW("InvalidOAuthFlowException", 400, "Invalid OAuth flow."),
  INVALID_PARAMETER("InvalidParameterException", 400, "Invalid parameter."),
  INVALID_PASSWORD("InvalidPasswordException", 400, "Password did not conform with policy"),
  INVALID_SMS_ROLE_ACCESS_POLICY(
      "InvalidSmsRoleAccessPolicyException", 400, "SMS role access policy is invalid."),
  INVALID_SMS_ROLE_TRUST_RELATIONSHIP(
      "InvalidSmsRoleTrustRelationshipException", 400, "SMS role trust relationship is invalid."),
  INVALID_USER_POOL_CONFIGURATION(
      "InvalidUserPoolConfigurationException", 400, "Invalid user pool configuration."),
  LIMIT_EXCEEDED(
      "LimitExceededException", 400, "Attempt limit exceeded, please try after some time."),
  MANAGED_LOGIN_BRANDING_EXISTS(
      "ManagedLoginBrandingExistsException", 400, "A managed login branding style already exists."),
  MFA_METHOD_NOT_FOUND("MFAMethodNotFoundException", 400, "No MFA method found."),
  NOT_AUTHORIZED("NotAuthorizedException", 400, "Incorrect username or password."),
  PASSWORD_RESET_REQUIRED(
      "PasswordResetRequiredException", 400, "Password reset required for the user"),
  PRECONDITION_NOT_MET("PreconditionNotMetException", 400, "Precondition not met."),
  REFRESH_TOKEN_REUSE("RefreshTokenReuseException", 400, "Refresh token has been reused."),
  RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, "Resource not found."),
  SCOPE_DOES_NOT_EXIST("ScopeDoesNotExistException", 400, "Scope does not exist."),
  SOFTWARE_TOKEN_MFA_NOT_FOUND(
      "SoftwareTokenMFANotFoundException", 400, "Software token MFA not found."),
  TERMS_EXISTS("TermsExistsException", 400, "Terms already exist."),
  TOO_MANY_FAILED_ATTEMPTS("TooManyFailedAttemptsException", 400, "Too many failed attempts."),
  TOO_MANY_REQUESTS("TooManyRequestsException", 400, "Rate exceeded"),
  UNAUTHORIZED("UnauthorizedException", 400, "Unauthorized."),
  UNEXPECTED_LAMBDA("UnexpectedLambdaException", 400, "Unexpected Lambda error."),
  UNSUPPORTED_IDENTITY_PROVIDER(
      "UnsupportedIdentityProviderException", 400, "Unsupported identity provider."),
  UNSUPPORTED_OPERATION("UnsupportedOperationException", 400, "Unsupported operation."),
  UNSUPPORTED_TOKEN_TYPE("UnsupportedTokenTypeException", 400, "Unsupported token type."),
  UNSUPPORTED_USER_STATE("UnsupportedUserStateException", 400, "Unsupported user state."),
  USER_IMPORT_IN_PROGRESS(
      "UserImportInProgressException", 400, "A user import job is in progress."),
  USER_LAMBDA_VALIDATION("UserLambdaValidationException", 400, "Lambda validation failed."),
  USER_NOT_CONFIRMED("UserNotConfirmedException", 400, "User is not confirmed."),
  USER_NOT_FOUND("UserNotFoundException", 400, "User does not exist."),
  // message guessed (docs/fidelity.md)
  USER_POOL_ADD_ON_NOT_ENABLED(
      "UserPoolAddOnNotEnabledException",
      400,
      "Advanced security features are not enabled for this user pool."),
  USER_POOL_TAGGING("UserPoolTaggingException", 400, "Tagging failed."),
  USERNAME_EXISTS("UsernameExistsException", 400, "User already exists"),
  // Passkeys: the default texts are ours (docs/fidelity.md, "Passkeys").
  WEB_AUTHN_CHALLENGE_NOT_FOUND(
      "WebAuthnChallengeNotFoundException", 400, "The registration challenge was not found."),
  WEB_AUTHN_CLIENT_MISMATCH(
      "WebAuthnClientMismatchException",
      400,
      "The registration was started by a different app client."),
  WEB_AUTHN_CONFIGURATION_MISSING(
      "WebAuthnConfigurationMissingException",
      400,
      "The user pool has neither a relying party id nor a domain."),
  WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED(
      "WebAuthnCredentialNotSupportedException", 400, "The passkey credential is not supported."),
  WEB_AUTHN_NOT_ENABLED(
      "WebAuthnNotEnabledException", 400, "Passkeys are not enabled for this user pool."),
  WEB_AUTHN_ORIGIN_NOT_ALLOWED(
      "WebAuthnOriginNotAllowedException",
      400,
      "The origin of the passkey credential is not allowed."),
  WEB_AUTHN_RELYING_PARTY_MISMATCH(
      "WebAuthnRelyingPartyMismatchException",
      400,
      "The passkey credential belongs to a different relying party."),
  // Protocol-level errors that the AWS JSON 1.1 front end raises before an operation runs.
  SERIALIZATION("SerializationException", 400, null),
  UNKNOWN_OPERATION("UnknownOperationException", 400, null),
  // SigV4 errors as AWS front ends name them.
  MISSING_AUTHENTICATION_TOKEN(
      "MissingAuthenticationTokenException", 400, "Missing Authentication Token"),
  UNRECOGNIZED_CLIENT(
      "UnrecognizedClientException", 400, "The security token included in the request is invalid."),
  INVALID_SIGNATURE(
      "InvalidSignatureException",
      400,
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access"
          + " Key and signing method. Consult the service documentation for details."),
  INCOMPLETE_SIGNATURE(
      "IncompleteSignatureException",
      400,
      "The request signature does not conform to AWS standards."),
  ACCESS_DENIED("AccessDeniedException", 400, "Access denied.");

  private final String wireName;
  private final int httpStatus;
  private final String defaultMessage;

  ErrorCode(String wireName, int httpStatus, String defaultMessage) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
    this.defaultMessage = defaultMessage;
  }

  public String wireName() {
    return wireName;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The message sent when the thrower has nothing more specific to say; may be null (no message
   * member).
   */
  public String defaultMessage() {
    return defaultMessage;
  }

  public CognitoException exception() {
    return new CognitoException(this, defaultMessage);
  }

  public CognitoException exception(String message) {
    return new CognitoException(this, message);
  }

  public CognitoException exception(String format, Object... args) {
    return new CognitoException(this, String.format(java.util.Locale.ROOT, format, args));
  }
}
