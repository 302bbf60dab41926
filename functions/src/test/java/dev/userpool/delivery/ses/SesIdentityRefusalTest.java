package dev.userpool.delivery.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.delivery.Delivery;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;
import software.amazon.awssdk.services.ses.model.SendEmailResponse;
import software.amazon.awssdk.services.ses.model.SesException;

/**
 * Which SES refusals are InvalidEmailRoleAccessPolicyException and which
 * CodeDeliveryFailureException.
 */
class SesIdentityRefusalTest {

  private static ErrorCode failureOf(RuntimeException sesFailure) {
    SesClient client =
        new SesClient() {
          @Override
          public SendEmailResponse sendEmail(SendEmailRequest request) {
            throw sesFailure;
          }

          @Override
          public String serviceName() {
            return "ses";
          }

          @Override
          public void close() {}
        };
    Delivery delivery =
        new Delivery(
            List.of(new SesEmailSender(r -> client, "us-east-1", "no-reply@example.com", null)));
    OutgoingMessage m =
        new OutgoingMessage(
            "us-east-1_pool",
            "jane",
            DeliveryMedium.EMAIL,
            "jane@example.org",
            "email",
            "CustomMessage_SignUp",
            "Your verification code",
            "Your verification code is 123456. ",
            "123456",
            Map.of(),
            Map.of(),
            Map.of(),
            Instant.now());
    return assertThrows(CognitoException.class, () -> delivery.send(m)).code();
  }

  private static AwsErrorDetails details(String code, String message) {
    return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
  }

  @Test
  void anUnverifiedSenderIsInvalidEmailRoleAccessPolicy() {
    assertEquals(
        ErrorCode.INVALID_EMAIL_ROLE_ACCESS_POLICY,
        failureOf(
            MessageRejectedException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    details(
                        "MessageRejected",
                        "Email address is not verified. The following"
                            + " identities failed the check in region US-EAST-1: no-reply@example.com"))
                .build()));
  }

  @Test
  void aSendingAuthorizationRefusalIsInvalidEmailRoleAccessPolicy() {
    assertEquals(
        ErrorCode.INVALID_EMAIL_ROLE_ACCESS_POLICY,
        failureOf(
            SesException.builder()
                .statusCode(403)
                .awsErrorDetails(
                    details("AccessDenied", "not authorized to perform `ses:SendEmail'"))
                .build()));
  }

  @Test
  void otherRefusalsAreCodeDeliveryFailure() {
    assertEquals(
        ErrorCode.CODE_DELIVERY_FAILURE,
        failureOf(
            MessageRejectedException.builder()
                .statusCode(400)
                .awsErrorDetails(details("MessageRejected", "Daily message quota exceeded."))
                .build()));
    assertEquals(
        ErrorCode.CODE_DELIVERY_FAILURE,
        failureOf(
            SesException.builder()
                .statusCode(400)
                .awsErrorDetails(details("Throttling", "Maximum sending rate exceeded."))
                .build()));
  }
}
