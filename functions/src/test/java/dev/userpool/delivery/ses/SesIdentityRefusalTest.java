package dev.userpool.delivery.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which SES refusals are InvalidEmailRoleAccessPolicyException (identity refused) and which
 * CodeDeliveryFailureException, read from SES's Query-protocol error documents. The unverified
 * sender is also checked end to end against moto's SES (SesSnsDeliveryIT).
 */
class SesIdentityRefusalTest {

  private static boolean identityRefused(int status, String code, String message) {
    SesApi.SesApiException e =
        SesApi.error(
            status,
            "<ErrorResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><Error>"
                + "<Type>Sender</Type><Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message></Error><RequestId>a1b2</RequestId></ErrorResponse>");
    assertEquals(code, e.code());
    return SesEmailSender.identityRefused(e.code(), e.text());
  }

  @Test
  void anUnverifiedSenderIsInvalidEmailRoleAccessPolicy() {
    assertTrue(
        identityRefused(
            400,
            "MessageRejected",
            "Email address is not verified. The following identities failed the check in region"
                + " US-EAST-1: no-reply@example.com"));
  }

  @Test
  void aSendingAuthorizationRefusalIsInvalidEmailRoleAccessPolicy() {
    assertTrue(
        identityRefused(403, "AccessDenied", "not authorized to perform `ses:SendEmail&apos;"));
  }

  @Test
  void otherRefusalsAreCodeDeliveryFailure() {
    assertFalse(identityRefused(400, "MessageRejected", "Daily message quota exceeded."));
    assertFalse(identityRefused(400, "Throttling", "Maximum sending rate exceeded."));
  }

  @Test
  void escapedTextInTheErrorDocumentIsReadAsText() {
    assertEquals(
        "a <b> & 'c'",
        SesApi.error(400, "<Error><Code>X</Code><Message>a &lt;b&gt; &amp; &apos;c&apos;</Message>")
            .text());
  }
}
