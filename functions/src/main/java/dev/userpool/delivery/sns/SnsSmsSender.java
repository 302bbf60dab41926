package dev.userpool.delivery.sns;

import dev.userpool.delivery.DeliveryFailedException;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.MessageChannel;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.errors.ErrorCode;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * SMS through SNS Publish to the phone number, in the pool's {@code SmsConfiguration.SnsRegion}
 * (else the deployment's SNS region), as a transactional message.
 *
 * <p>With {@code SnsCallerArn}, as Cognito: the role is assumed ({@link SmsRoleCredentials}, with
 * {@code ExternalId}) and Publish is called with its session credentials; a refusal of Publish then
 * (AuthorizationError / AccessDenied) is InvalidSmsRoleAccessPolicyException. Without one, the
 * deployment's own credentials publish, and every failure is CodeDeliveryFailureException.
 */
public final class SnsSmsSender implements MessageChannel {
  /** Observed Cognito text (InvalidSmsRoleAccessPolicyException). */
  static final String POLICY_MESSAGE = "Role does not have permission to publish with SNS";

  private final Function<String, SnsClient> clients;
  private final String defaultRegion;
  private final SmsRoleCredentials roles;

  /** A sender that never assumes a role (SnsCallerArn is ignored). */
  public SnsSmsSender(Function<String, SnsClient> clients, String defaultRegion) {
    this(clients, defaultRegion, null);
  }

  /**
   * @param clients the SNS client of a region (deployment credentials; role credentials are set per
   *     request)
   * @param roles the SnsCallerArn session credentials; null to ignore SnsCallerArn
   */
  public SnsSmsSender(
      Function<String, SnsClient> clients, String defaultRegion, SmsRoleCredentials roles) {
    this.clients = clients;
    this.defaultRegion = defaultRegion;
    this.roles = roles;
  }

  @Override
  public DeliveryMedium medium() {
    return DeliveryMedium.SMS;
  }

  @Override
  public void send(OutgoingMessage m) {
    Map<String, Object> config = m.smsConfiguration();
    String region =
        text(config.get("SnsRegion")) != null ? text(config.get("SnsRegion")) : defaultRegion;
    String roleArn = roles == null ? null : text(config.get("SnsCallerArn"));
    PublishRequest.Builder request =
        PublishRequest.builder()
            .phoneNumber(m.destination())
            .message(m.body())
            .messageAttributes(
                Map.of(
                    "AWS.SNS.SMS.SMSType",
                    MessageAttributeValue.builder()
                        .dataType("String")
                        .stringValue("Transactional")
                        .build()));
    if (roleArn != null) {
      AwsSessionCredentials credentials =
          roles.credentials(roleArn, text(config.get("ExternalId")));
      request.overrideConfiguration(
          o -> o.credentialsProvider(StaticCredentialsProvider.create(credentials)));
    }
    try {
      clients.apply(region).publish(request.build());
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String detail =
          "SNS Publish in "
              + region
              + (roleArn == null ? "" : " as " + roleArn)
              + " failed: "
              + code
              + " "
              + e.getMessage();
      if (roleArn != null
          && ("AuthorizationError".equals(code)
              || "AccessDenied".equals(code)
              || "AccessDeniedException".equals(code))) {
        throw new DeliveryFailedException(
            detail, e, ErrorCode.INVALID_SMS_ROLE_ACCESS_POLICY, POLICY_MESSAGE);
      }
      throw new DeliveryFailedException(detail, e);
    } catch (SdkException e) {
      throw new DeliveryFailedException(
          "SNS Publish in " + region + " failed: " + e.getMessage(), e);
    }
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
