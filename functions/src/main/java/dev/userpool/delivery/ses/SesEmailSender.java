package dev.userpool.delivery.ses;

import dev.userpool.delivery.DeliveryFailedException;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.MessageChannel;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.errors.ErrorCode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Email through SES SendEmail, as the pool's EmailConfiguration says (sources §4.6):
 *
 * <ul>
 *   <li>{@code COGNITO_DEFAULT}: from the deployment's default sender ({@code
 *       USERPOOL_SES_FROM_ADDRESS}, with {@code USERPOOL_SES_SOURCE_ARN} when set) — Cognito's own
 *       {@code no-reply@verificationemail.com} is not ours to send from; a pool's SourceArn still
 *       names the identity, as Cognito allows.
 *   <li>{@code DEVELOPER}: {@code SourceArn} (its region is where SES is called), {@code From}
 *       (else the address of the SourceArn identity), {@code ReplyToEmailAddress}, {@code
 *       ConfigurationSet}.
 * </ul>
 *
 * The body is sent as HTML, since Cognito's email templates may hold HTML.
 */
public final class SesEmailSender implements MessageChannel {
  /**
   * Cognito's sender of COGNITO_DEFAULT emails; used only when the deployment configures no sender.
   */
  static final String COGNITO_DEFAULT_FROM = "no-reply@verificationemail.com";

  /**
   * Cognito's text at run time is not known (unconfirmed); at CreateUserPool it reports "Cognito
   * received the following error from Amazon SES when attempting to send email: ..." with SES's
   * text, which names the account's identity ARN, so SES's own text stays in the log here.
   */
  static final String IDENTITY_MESSAGE =
      "Cognito received the following error from Amazon SES when attempting to send email: the sending identity"
          + " is not verified or does not allow Cognito to send from it.";

  private final SesApi ses;
  private final String defaultRegion;
  private final String defaultFrom;
  private final String defaultSourceArn;

  /**
   * @param ses SES, called in the region of the sending identity
   * @param defaultFrom the deployment's sender for COGNITO_DEFAULT pools; null for Cognito's
   *     address
   * @param defaultSourceArn the SES identity ARN that sender belongs to; null for none
   */
  public SesEmailSender(
      SesApi ses, String defaultRegion, String defaultFrom, String defaultSourceArn) {
    this.ses = ses;
    this.defaultRegion = defaultRegion;
    this.defaultFrom = defaultFrom;
    this.defaultSourceArn = defaultSourceArn;
  }

  @Override
  public DeliveryMedium medium() {
    return DeliveryMedium.EMAIL;
  }

  @Override
  public void send(OutgoingMessage m) {
    SesApi.SendEmail request = request(m);
    String region = regionOf(request.sourceArn());
    try {
      ses.sendEmail(region, request);
    } catch (SesApi.SesApiException e) {
      String detail = "SES SendEmail in " + region + " failed: " + e.getMessage();
      if (identityRefused(e.code(), e.text())) {
        throw new DeliveryFailedException(
            detail, e, ErrorCode.INVALID_EMAIL_ROLE_ACCESS_POLICY, IDENTITY_MESSAGE);
      }
      throw new DeliveryFailedException(detail, e);
    } catch (IOException e) {
      throw new DeliveryFailedException(
          "SES SendEmail in " + region + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * SES refused the sending identity: not verified (MessageRejected "Email address is not
   * verified"), or its sending authorization does not allow us (AccessDenied). Cognito documents
   * InvalidEmailRoleAccessPolicyException for exactly this ("an unverified email address or the
   * identity policy isn't set on an email address that Amazon Cognito can access"); other refusals
   * are CodeDeliveryFailureException.
   */
  static boolean identityRefused(String code, String text) {
    if ("AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
      return true;
    }
    return "MessageRejected".equals(code)
        && text != null
        && text.toLowerCase(Locale.ROOT).contains("not verified");
  }

  SesApi.SendEmail request(OutgoingMessage m) {
    Map<String, Object> config = m.emailConfiguration();
    boolean developer = "DEVELOPER".equals(config.get("EmailSendingAccount"));
    String sourceArn = text(config.get("SourceArn"));
    String from;
    if (developer) {
      from = text(config.get("From"));
      if (from == null && sourceArn != null) {
        from = identityOf(sourceArn);
      }
    } else {
      from = defaultFrom != null ? defaultFrom : COGNITO_DEFAULT_FROM;
      if (sourceArn == null) {
        sourceArn = defaultSourceArn;
      }
    }
    if (from == null) {
      throw new DeliveryFailedException("the pool's EmailConfiguration names no sender", null);
    }
    if (!developer) {
      return new SesApi.SendEmail(
          from, m.destination(), m.subject(), m.body(), sourceArn, null, null);
    }
    return new SesApi.SendEmail(
        from,
        m.destination(),
        m.subject(),
        m.body(),
        sourceArn,
        text(config.get("ReplyToEmailAddress")),
        text(config.get("ConfigurationSet")));
  }

  /** The region of an {@code arn:aws:ses:<region>:...} identity, else the deployment's. */
  private String regionOf(String sourceArn) {
    if (sourceArn != null) {
      String[] parts = sourceArn.split(":", 6);
      if (parts.length == 6 && !parts[3].isEmpty()) {
        return parts[3];
      }
    }
    return defaultRegion;
  }

  /**
   * {@code arn:aws:ses:r:a:identity/jane@example.com} → {@code jane@example.com} (domain identities
   * give none).
   */
  private static String identityOf(String sourceArn) {
    int slash = sourceArn.indexOf("identity/");
    if (slash < 0) {
      return null;
    }
    String identity = sourceArn.substring(slash + "identity/".length());
    return identity.contains("@") ? identity : null;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
