package dev.userpool.triggers;

/** The {@code triggerSource} values (sources §5.1), each with the trigger it belongs to. */
public enum TriggerSource {
  PRE_SIGN_UP_SIGN_UP(Trigger.PRE_SIGN_UP, "PreSignUp_SignUp"),
  PRE_SIGN_UP_ADMIN_CREATE_USER(Trigger.PRE_SIGN_UP, "PreSignUp_AdminCreateUser"),
  PRE_SIGN_UP_EXTERNAL_PROVIDER(Trigger.PRE_SIGN_UP, "PreSignUp_ExternalProvider"),
  POST_CONFIRMATION_CONFIRM_SIGN_UP(Trigger.POST_CONFIRMATION, "PostConfirmation_ConfirmSignUp"),
  POST_CONFIRMATION_CONFIRM_FORGOT_PASSWORD(
      Trigger.POST_CONFIRMATION, "PostConfirmation_ConfirmForgotPassword"),
  PRE_AUTHENTICATION_AUTHENTICATION(Trigger.PRE_AUTHENTICATION, "PreAuthentication_Authentication"),
  POST_AUTHENTICATION_AUTHENTICATION(
      Trigger.POST_AUTHENTICATION, "PostAuthentication_Authentication"),
  DEFINE_AUTH_CHALLENGE_AUTHENTICATION(
      Trigger.DEFINE_AUTH_CHALLENGE, "DefineAuthChallenge_Authentication"),
  CREATE_AUTH_CHALLENGE_AUTHENTICATION(
      Trigger.CREATE_AUTH_CHALLENGE, "CreateAuthChallenge_Authentication"),
  VERIFY_AUTH_CHALLENGE_RESPONSE_AUTHENTICATION(
      Trigger.VERIFY_AUTH_CHALLENGE_RESPONSE, "VerifyAuthChallengeResponse_Authentication"),
  TOKEN_GENERATION_HOSTED_AUTH(Trigger.PRE_TOKEN_GENERATION, "TokenGeneration_HostedAuth"),
  TOKEN_GENERATION_AUTHENTICATION(Trigger.PRE_TOKEN_GENERATION, "TokenGeneration_Authentication"),
  TOKEN_GENERATION_NEW_PASSWORD_CHALLENGE(
      Trigger.PRE_TOKEN_GENERATION, "TokenGeneration_NewPasswordChallenge"),
  TOKEN_GENERATION_AUTHENTICATE_DEVICE(
      Trigger.PRE_TOKEN_GENERATION, "TokenGeneration_AuthenticateDevice"),
  TOKEN_GENERATION_REFRESH_TOKENS(Trigger.PRE_TOKEN_GENERATION, "TokenGeneration_RefreshTokens"),
  TOKEN_GENERATION_CLIENT_CREDENTIALS(
      Trigger.PRE_TOKEN_GENERATION, "TokenGeneration_ClientCredentials"),
  USER_MIGRATION_AUTHENTICATION(Trigger.USER_MIGRATION, "UserMigration_Authentication"),
  USER_MIGRATION_FORGOT_PASSWORD(Trigger.USER_MIGRATION, "UserMigration_ForgotPassword"),
  CUSTOM_MESSAGE_SIGN_UP(Trigger.CUSTOM_MESSAGE, "CustomMessage_SignUp"),
  CUSTOM_MESSAGE_ADMIN_CREATE_USER(Trigger.CUSTOM_MESSAGE, "CustomMessage_AdminCreateUser"),
  CUSTOM_MESSAGE_RESEND_CODE(Trigger.CUSTOM_MESSAGE, "CustomMessage_ResendCode"),
  CUSTOM_MESSAGE_FORGOT_PASSWORD(Trigger.CUSTOM_MESSAGE, "CustomMessage_ForgotPassword"),
  CUSTOM_MESSAGE_UPDATE_USER_ATTRIBUTE(Trigger.CUSTOM_MESSAGE, "CustomMessage_UpdateUserAttribute"),
  CUSTOM_MESSAGE_VERIFY_USER_ATTRIBUTE(Trigger.CUSTOM_MESSAGE, "CustomMessage_VerifyUserAttribute"),
  CUSTOM_MESSAGE_AUTHENTICATION(Trigger.CUSTOM_MESSAGE, "CustomMessage_Authentication"),
  CUSTOM_EMAIL_SENDER_SIGN_UP(Trigger.CUSTOM_EMAIL_SENDER, "CustomEmailSender_SignUp"),
  CUSTOM_EMAIL_SENDER_RESEND_CODE(Trigger.CUSTOM_EMAIL_SENDER, "CustomEmailSender_ResendCode"),
  CUSTOM_EMAIL_SENDER_FORGOT_PASSWORD(
      Trigger.CUSTOM_EMAIL_SENDER, "CustomEmailSender_ForgotPassword"),
  CUSTOM_EMAIL_SENDER_UPDATE_USER_ATTRIBUTE(
      Trigger.CUSTOM_EMAIL_SENDER, "CustomEmailSender_UpdateUserAttribute"),
  CUSTOM_EMAIL_SENDER_VERIFY_USER_ATTRIBUTE(
      Trigger.CUSTOM_EMAIL_SENDER, "CustomEmailSender_VerifyUserAttribute"),
  CUSTOM_EMAIL_SENDER_ADMIN_CREATE_USER(
      Trigger.CUSTOM_EMAIL_SENDER, "CustomEmailSender_AdminCreateUser"),
  CUSTOM_EMAIL_SENDER_ACCOUNT_TAKE_OVER_NOTIFICATION(
      Trigger.CUSTOM_EMAIL_SENDER, "CustomEmailSender_AccountTakeOverNotification"),
  CUSTOM_EMAIL_SENDER_AUTHENTICATION(
      Trigger.CUSTOM_EMAIL_SENDER, "CustomEmailSender_Authentication"),
  CUSTOM_SMS_SENDER_SIGN_UP(Trigger.CUSTOM_SMS_SENDER, "CustomSMSSender_SignUp"),
  CUSTOM_SMS_SENDER_RESEND_CODE(Trigger.CUSTOM_SMS_SENDER, "CustomSMSSender_ResendCode"),
  CUSTOM_SMS_SENDER_FORGOT_PASSWORD(Trigger.CUSTOM_SMS_SENDER, "CustomSMSSender_ForgotPassword"),
  CUSTOM_SMS_SENDER_UPDATE_USER_ATTRIBUTE(
      Trigger.CUSTOM_SMS_SENDER, "CustomSMSSender_UpdateUserAttribute"),
  CUSTOM_SMS_SENDER_VERIFY_USER_ATTRIBUTE(
      Trigger.CUSTOM_SMS_SENDER, "CustomSMSSender_VerifyUserAttribute"),
  CUSTOM_SMS_SENDER_ADMIN_CREATE_USER(Trigger.CUSTOM_SMS_SENDER, "CustomSMSSender_AdminCreateUser"),
  CUSTOM_SMS_SENDER_AUTHENTICATION(Trigger.CUSTOM_SMS_SENDER, "CustomSMSSender_Authentication"),
  INBOUND_FEDERATION_EXTERNAL_PROVIDER(
      Trigger.INBOUND_FEDERATION, "InboundFederation_ExternalProvider");

  private final Trigger trigger;
  private final String wireName;

  TriggerSource(Trigger trigger, String wireName) {
    this.trigger = trigger;
    this.wireName = wireName;
  }

  public Trigger trigger() {
    return trigger;
  }

  /** The value of the event's {@code triggerSource} member. */
  public String wireName() {
    return wireName;
  }

  /**
   * The source of {@code sender} for the same event as this CustomMessage source ({@code
   * CustomMessage_SignUp} → {@code CustomEmailSender_SignUp}): a custom sender takes the message
   * CustomMessage would have written.
   */
  public TriggerSource forSender(Trigger sender) {
    String event = wireName.substring(wireName.indexOf('_'));
    for (TriggerSource s : values()) {
      if (s.trigger == sender && s.wireName.endsWith(event)) {
        return s;
      }
    }
    throw new IllegalArgumentException(sender.cognitoName() + " has no source for " + wireName);
  }

  /**
   * Fails fast when an operation passes a source of another trigger: a programming error, not a
   * caller's.
   */
  TriggerSource requireOf(Trigger expected) {
    if (trigger != expected) {
      throw new IllegalArgumentException(
          wireName + " is not a source of " + expected.cognitoName());
    }
    return this;
  }
}
