package dev.userpool.triggers;

/**
 * The triggers. The name is both the pool's {@code LambdaConfig} key and the word Cognito puts in
 * front of its trigger error messages ("PreSignUp failed with error …", sources §5.6). All are
 * invoked synchronously except the two custom senders, which Cognito invokes asynchronously
 * (sources §5.5).
 */
public enum Trigger {
  PRE_SIGN_UP("PreSignUp"),
  POST_CONFIRMATION("PostConfirmation"),
  PRE_AUTHENTICATION("PreAuthentication"),
  POST_AUTHENTICATION("PostAuthentication"),
  DEFINE_AUTH_CHALLENGE("DefineAuthChallenge"),
  CREATE_AUTH_CHALLENGE("CreateAuthChallenge"),
  VERIFY_AUTH_CHALLENGE_RESPONSE("VerifyAuthChallengeResponse"),
  PRE_TOKEN_GENERATION("PreTokenGeneration"),
  USER_MIGRATION("UserMigration"),
  CUSTOM_MESSAGE("CustomMessage"),
  CUSTOM_EMAIL_SENDER("CustomEmailSender"),
  CUSTOM_SMS_SENDER("CustomSMSSender"),
  INBOUND_FEDERATION("InboundFederation");

  private final String cognitoName;

  Trigger(String cognitoName) {
    this.cognitoName = cognitoName;
  }

  /** The LambdaConfig member and the error-message name. */
  public String cognitoName() {
    return cognitoName;
  }
}
