package dev.userpool.delivery.sns;

import dev.userpool.aws.QueryApi;
import dev.userpool.delivery.DeliveryFailedException;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.MessageChannel;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.errors.ErrorCode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * SMS through SNS Publish to the phone number, in the pool's {@code SmsConfiguration.SnsRegion}
 * (else the deployment's SNS region), as a transactional message.
 *
 * <p>With {@code SnsCallerArn}, as Cognito: the role is assumed ({@link SmsRoleCredentials}, with
 * {@code ExternalId}) and Publish is called with its session credentials; a refusal of Publish then
 * (AuthorizationError / AccessDenied) is InvalidSmsRoleAccessPolicyException. Without one, the
 * deployment's own credentials publish, and every failure is CodeDeliveryFailureException. SNS is
 * called over its Query API (API version 2010-03-31), without the SDK's SNS module.
 */
public final class SnsSmsSender implements MessageChannel {
  /** Observed Cognito text (InvalidSmsRoleAccessPolicyException). */
  static final String POLICY_MESSAGE = "Role does not have permission to publish with SNS";

  /** SNS's Query API, at {@code endpoint} (moto) or, when null, each region's SNS. */
  public static QueryApi snsApi(String endpoint) {
    return new QueryApi(endpoint, "sns", "sns", "2010-03-31");
  }

  private final QueryApi sns;
  private final AwsCredentialsProvider deployment;
  private final String defaultRegion;
  private final SmsRoleCredentials roles;

  /**
   * @param sns SNS ({@link #snsApi})
   * @param deployment the deployment's credentials (publish without SnsCallerArn)
   * @param roles the SnsCallerArn session credentials; null to ignore SnsCallerArn
   */
  public SnsSmsSender(
      QueryApi sns,
      AwsCredentialsProvider deployment,
      String defaultRegion,
      SmsRoleCredentials roles) {
    this.sns = sns;
    this.deployment = deployment;
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
    Map<String, String> members = new LinkedHashMap<>();
    members.put("PhoneNumber", m.destination());
    members.put("Message", m.body());
    members.put("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType");
    members.put("MessageAttributes.entry.1.Value.DataType", "String");
    members.put("MessageAttributes.entry.1.Value.StringValue", "Transactional");
    AwsCredentialsProvider credentials =
        roleArn == null
            ? deployment
            : StaticCredentialsProvider.create(
                roles.credentials(roleArn, text(config.get("ExternalId"))));
    try {
      sns.call(region, "Publish", members, credentials);
    } catch (QueryApi.QueryApiException e) {
      String detail =
          "SNS Publish in "
              + region
              + (roleArn == null ? "" : " as " + roleArn)
              + " failed: "
              + e.getMessage();
      if (roleArn != null && publishRefused(e.code())) {
        throw new DeliveryFailedException(
            detail, e, ErrorCode.INVALID_SMS_ROLE_ACCESS_POLICY, POLICY_MESSAGE);
      }
      throw new DeliveryFailedException(detail, e);
    } catch (IOException | RuntimeException e) {
      throw new DeliveryFailedException("SNS Publish in " + region + " failed: " + e, e);
    }
  }

  /** Whether SNS refused Publish for lack of permission (AuthorizationError / AccessDenied). */
  static boolean publishRefused(String code) {
    return "AuthorizationError".equals(code)
        || "AccessDenied".equals(code)
        || "AccessDeniedException".equals(code);
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
