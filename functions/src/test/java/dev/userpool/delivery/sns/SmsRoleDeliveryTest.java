package dev.userpool.delivery.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.aws.QueryApi;
import dev.userpool.delivery.Delivery;
import dev.userpool.delivery.DeliveryFailedException;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import dev.userpool.testing.MotoServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * SnsCallerArn against moto's STS and SNS (over their Query APIs): AssumeRole with the ExternalId
 * and session name, session reuse, and Cognito's exceptions for each failure. Moto enforces no IAM,
 * so the AccessDenied / AuthorizationError refusals are read from the services' error documents.
 */
class SmsRoleDeliveryTest {
  private static final AwsCredentialsProvider DEPLOYMENT =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private final String role =
      "arn:aws:iam::123456789012:role/sms-" + UUID.randomUUID().toString().substring(0, 8);
  private final MutableClock clock = new MutableClock(Instant.now());

  private SmsRoleCredentials roles(String stsEndpoint) {
    return new SmsRoleCredentials(
        SmsRoleCredentials.stsApi(stsEndpoint), "eu-west-1", DEPLOYMENT, clock);
  }

  private Delivery delivery() {
    return delivery(MotoServer.endpoint().toString());
  }

  private Delivery delivery(String stsEndpoint) {
    return new Delivery(
        List.of(
            new SnsSmsSender(
                SnsSmsSender.snsApi(MotoServer.endpoint().toString()),
                DEPLOYMENT,
                "eu-west-1",
                roles(stsEndpoint))));
  }

  private static String newPhone() {
    return "+1555" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000);
  }

  private static OutgoingMessage sms(String phone, Map<String, Object> smsConfiguration) {
    return new OutgoingMessage(
        "us-east-1_pool",
        "pat",
        DeliveryMedium.SMS,
        phone,
        "phone_number",
        "CustomMessage_SignUp",
        null,
        "Your verification code is 123456. ",
        "123456",
        Map.of(),
        Map.of(),
        smsConfiguration,
        Instant.now());
  }

  private Map<String, Object> role(String externalId) {
    Map<String, Object> config = new HashMap<>();
    config.put("SnsCallerArn", role);
    if (externalId != null) {
      config.put("ExternalId", externalId);
    }
    return config;
  }

  @Test
  void theRoleIsAssumedWithTheExternalIdAndSnsPublishesTheCode() throws Exception {
    String phone = newPhone();
    delivery().send(sms(phone, role("ext-123")));

    List<JsonNode> sessions = sessionsOf(role);
    assertEquals(1, sessions.size());
    assertEquals("ext-123", sessions.get(0).path("external_id").asText());
    assertEquals("userpool-sms", sessions.get(0).path("session_name").asText());
    assertEquals("Your verification code is 123456. ", smsTo(phone).path("message").asText());
  }

  @Test
  void withoutExternalIdNoneIsSent() throws Exception {
    delivery().send(sms(newPhone(), role(null)));

    assertTrue(sessionsOf(role).get(0).path("external_id").isNull());
  }

  @Test
  void withoutSnsCallerArnTheDeploymentsOwnCredentialsPublish() throws Exception {
    String phone = newPhone();
    delivery().send(sms(phone, Map.of("SnsRegion", "us-west-2")));

    assertEquals("Your verification code is 123456. ", smsTo(phone).path("message").asText());
    assertTrue(sessionsOf(role).isEmpty());
  }

  @Test
  void sessionCredentialsAreReusedUntilShortlyBeforeTheyExpire() throws Exception {
    SmsRoleCredentials roles = roles(MotoServer.endpoint().toString());
    AwsSessionCredentials first = roles.credentials(role, "x");
    clock.advance(Duration.ofMinutes(54));
    assertEquals(first.accessKeyId(), roles.credentials(role, "x").accessKeyId());
    assertEquals(1, sessionsOf(role).size());

    clock.advance(Duration.ofMinutes(2)); // 4 minutes before moto's one-hour session expires
    AwsSessionCredentials second = roles.credentials(role, "x");
    assertNotEquals(first.accessKeyId(), second.accessKeyId());
    assertEquals(2, sessionsOf(role).size());

    roles.credentials(role, "another-external-id");
    assertEquals(3, sessionsOf(role).size());
  }

  @Test
  void stsRefusalsAreInvalidSmsRoleTrustRelationshipAndOtherFailuresAreNot() {
    QueryApi.QueryApiException refused =
        QueryApi.error(
            403,
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/x"
                + " is not authorized to perform: sts:AssumeRole on resource: r</Message></Error>"
                + "<RequestId>a1</RequestId></ErrorResponse>");
    assertTrue(SmsRoleCredentials.trustRefused(refused.code(), refused.status()));
    assertFalse(SmsRoleCredentials.trustRefused("RegionDisabledException", 400));
    assertFalse(SmsRoleCredentials.trustRefused("ExpiredTokenException", 400));
  }

  @Test
  void whenStsCannotBeReachedThenCodeDeliveryFailureAndNothingIsPublished() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String phone = newPhone();
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> delivery("http://127.0.0.1:" + closed + "/").send(sms(phone, role("x"))));

    assertEquals(ErrorCode.CODE_DELIVERY_FAILURE, e.code());
    assertTrue(smsesTo(phone).isEmpty());
  }

  @Test
  void snsRefusalsWithTheRoleAreInvalidSmsRoleAccessPolicy() {
    QueryApi.QueryApiException refused =
        QueryApi.error(
            403,
            "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error>"
                + "<Type>Sender</Type><Code>AuthorizationError</Code><Message>User: r is not"
                + " authorized to perform: SNS:Publish on resource: +1555</Message></Error>"
                + "<RequestId>a1</RequestId></ErrorResponse>");
    assertTrue(SnsSmsSender.publishRefused(refused.code()));
    assertFalse(SnsSmsSender.publishRefused("InvalidParameter"));
    assertFalse(SnsSmsSender.publishRefused("InternalError"));
  }

  @Test
  void whenSnsRejectsTheMessageWithTheRoleThenCodeDeliveryFailure() {
    // Moto's SNS answers InvalidParameter ("Phone number does not meet the E164 format").
    SnsSmsSender sender =
        new SnsSmsSender(
            SnsSmsSender.snsApi(MotoServer.endpoint().toString()),
            DEPLOYMENT,
            "eu-west-1",
            roles(MotoServer.endpoint().toString()));
    DeliveryFailedException e =
        assertThrows(DeliveryFailedException.class, () -> sender.send(sms("555-0100", role("x"))));

    assertEquals(ErrorCode.CODE_DELIVERY_FAILURE, e.errorCode());
    assertTrue(e.getMessage().contains("InvalidParameter"), e.getMessage());
  }

  @Test
  void whenSnsRejectsTheMessageWithoutARoleThenCodeDeliveryFailure() {
    assertEquals(
        ErrorCode.CODE_DELIVERY_FAILURE,
        assertThrows(CognitoException.class, () -> delivery().send(sms("555-0100", Map.of())))
            .code());
  }

  /** The AssumeRole sessions of the role that moto's STS handed out. */
  private static List<JsonNode> sessionsOf(String roleArn) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : models("sts", "AssumedRole")) {
      if (roleArn.equals(m.path("role_arn").asText())) {
        out.add(m);
      }
    }
    return out;
  }

  private static JsonNode smsTo(String phone) throws Exception {
    List<JsonNode> found = smsesTo(phone);
    if (found.isEmpty()) {
      throw new AssertionError("moto has no SMS to " + phone);
    }
    return found.get(0);
  }

  private static List<JsonNode> smsesTo(String phone) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : models("sns", "SMS")) {
      if (phone.equals(m.path("phone_number").asText())) {
        out.add(m);
      }
    }
    return out;
  }

  private static List<JsonNode> models(String service, String model) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(MotoServer.endpoint() + "/moto-api/data.json"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<JsonNode> out = new ArrayList<>();
    Json.read(response.body()).path(service).path(model).forEach(out::add);
    return out;
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
