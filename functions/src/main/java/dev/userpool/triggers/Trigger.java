package dev.userpool.triggers;

/**
 * The synchronous triggers. The name is both the pool's {@code LambdaConfig} key and the word
 * Cognito puts in front of its trigger error messages ("PreSignUp failed with error …", sources
 * §5.6).
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
  CUSTOM_MESSAGE("CustomMessage");

  private final String cognitoName;

  Trigger(String cognitoName) {
    this.cognitoName = cognitoName;
  }

  /** The LambdaConfig member and the error-message name. */
  public String cognitoName() {
    return cognitoName;
  }
}
