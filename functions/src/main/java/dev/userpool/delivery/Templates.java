package dev.userpool.delivery;

import dev.userpool.domain.PoolSettings;
import java.util.Map;

/**
 * The pool's message texts with Cognito's defaults (sources §4.5), before placeholders are
 * replaced: {@code {####}} is the code (or temporary password), {@code {username}} the username.
 */
public final class Templates {
  public static final String CODE = "{####}";
  public static final String USERNAME = "{username}";
  static final String DEFAULT_VERIFICATION_MESSAGE = "Your verification code is {####}. ";
  static final String DEFAULT_VERIFICATION_SUBJECT = "Your verification code";
  static final String DEFAULT_INVITE_MESSAGE =
      "Your username is {username} and temporary password is {####}. ";
  static final String DEFAULT_INVITE_SUBJECT = "Your temporary password";
  static final String DEFAULT_LINK_MESSAGE =
      "Please click the link below to verify your email address. {##Verify Email##} ";
  static final String DEFAULT_LINK_SUBJECT = "Your verification link";
  static final String DEFAULT_AUTHENTICATION_MESSAGE = "Your authentication code is {####}. ";
  static final String DEFAULT_AUTHENTICATION_SUBJECT = "Your authentication code"; // guessed

  /** The three texts of one message; which of the bodies is sent depends on the medium. */
  public record Texts(String emailSubject, String emailMessage, String smsMessage) {
    public String body(DeliveryMedium medium) {
      return medium == DeliveryMedium.EMAIL ? emailMessage : smsMessage;
    }
  }

  private Templates() {}

  /**
   * Verification texts (sign-up, resend, forgot password, attribute verification):
   * VerificationMessageTemplate, else the legacy top-level members, else the defaults.
   */
  public static Texts verification(PoolSettings s) {
    Map<?, ?> t = map(s.get("VerificationMessageTemplate"));
    return new Texts(
        first(
            t.get("EmailSubject"), s.get("EmailVerificationSubject"), DEFAULT_VERIFICATION_SUBJECT),
        first(
            t.get("EmailMessage"), s.get("EmailVerificationMessage"), DEFAULT_VERIFICATION_MESSAGE),
        first(t.get("SmsMessage"), s.get("SmsVerificationMessage"), DEFAULT_VERIFICATION_MESSAGE));
  }

  /**
   * Invitation texts of AdminCreateUser: AdminCreateUserConfig.InviteMessageTemplate, else the
   * defaults.
   */
  public static Texts invitation(PoolSettings s) {
    Map<?, ?> config = map(s.get("AdminCreateUserConfig"));
    Map<?, ?> t = map(config.get("InviteMessageTemplate"));
    return new Texts(
        first(t.get("EmailSubject"), null, DEFAULT_INVITE_SUBJECT),
        first(t.get("EmailMessage"), null, DEFAULT_INVITE_MESSAGE),
        first(t.get("SMSMessage"), null, DEFAULT_INVITE_MESSAGE));
  }

  /**
   * Sign-in (MFA) code texts: SmsMfaConfiguration's SmsAuthenticationMessage (stored as the pool's
   * SmsAuthenticationMessage) for SMS; EmailMfaConfiguration's Subject and Message for email; else
   * the defaults.
   */
  public static Texts authentication(PoolSettings s) {
    Map<?, ?> email = map(s.get("_EmailMfaConfiguration"));
    return new Texts(
        first(email.get("Subject"), null, DEFAULT_AUTHENTICATION_SUBJECT),
        first(email.get("Message"), null, DEFAULT_AUTHENTICATION_MESSAGE),
        first(s.get("SmsAuthenticationMessage"), null, DEFAULT_AUTHENTICATION_MESSAGE));
  }

  /**
   * Whether sign-up confirmation emails carry a link rather than a code
   * (VerificationMessageTemplate.DefaultEmailOption CONFIRM_WITH_LINK; ADR 0022).
   */
  public static boolean confirmsByLink(PoolSettings s) {
    return "CONFIRM_WITH_LINK"
        .equals(map(s.get("VerificationMessageTemplate")).get("DefaultEmailOption"));
  }

  /**
   * Sign-up confirmation texts of a link pool: EmailSubjectByLink and EmailMessageByLink (with its
   * {@code {##link text##}}), else the defaults Cognito shows in DescribeUserPool (unconfirmed);
   * SMS keeps the code.
   */
  public static Texts verificationByLink(PoolSettings s) {
    Map<?, ?> t = map(s.get("VerificationMessageTemplate"));
    return new Texts(
        first(t.get("EmailSubjectByLink"), null, DEFAULT_LINK_SUBJECT),
        first(t.get("EmailMessageByLink"), null, DEFAULT_LINK_MESSAGE),
        verification(s).smsMessage());
  }

  /** The text with {@code {####}} and {@code {username}} replaced. */
  public static String fill(String template, String code, String username) {
    String out = template.replace(CODE, code);
    return username == null ? out : out.replace(USERNAME, username);
  }

  private static String first(Object a, Object b, String fallback) {
    if (a instanceof String text && !text.isEmpty()) {
      return text;
    }
    if (b instanceof String text && !text.isEmpty()) {
      return text;
    }
    return fallback;
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }
}
