package dev.userpool.delivery.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.delivery.Delivery;
import dev.userpool.delivery.DeliveryMedium;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.RegionDisabledException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * SnsCallerArn: AssumeRole (ExternalId, session name, caching) and Cognito's exceptions for each
 * failure.
 */
class SmsRoleDeliveryTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/sms";
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final List<AssumeRoleRequest> assumed = new ArrayList<>();
  private final List<PublishRequest> published = new ArrayList<>();
  private final List<String> regions = new ArrayList<>();
  private Function<AssumeRoleRequest, AssumeRoleResponse> sts = this::grant;
  private RuntimeException publishFailure;

  private AssumeRoleResponse grant(AssumeRoleRequest request) {
    int n = assumed.size() - 1;
    return AssumeRoleResponse.builder()
        .credentials(
            Credentials.builder()
                .accessKeyId("ASIA" + n)
                .secretAccessKey("secret")
                .sessionToken("token" + n)
                .expiration(clock.instant().plus(Duration.ofHours(1)))
                .build())
        .build();
  }

  private Delivery delivery() {
    SmsRoleCredentials roles =
        new SmsRoleCredentials(
            r -> {
              assumed.add(r);
              return sts.apply(r);
            },
            clock);
    SnsClient client =
        new SnsClient() {
          @Override
          public PublishResponse publish(PublishRequest request) {
            published.add(request);
            if (publishFailure != null) {
              throw publishFailure;
            }
            return PublishResponse.builder().messageId("m").build();
          }

          @Override
          public String serviceName() {
            return "sns";
          }

          @Override
          public void close() {}
        };
    return new Delivery(
        List.of(
            new SnsSmsSender(
                region -> {
                  regions.add(region);
                  return client;
                },
                "eu-west-1",
                roles)));
  }

  private static OutgoingMessage sms(Map<String, Object> smsConfiguration) {
    return new OutgoingMessage(
        "us-east-1_pool",
        "pat",
        DeliveryMedium.SMS,
        "+15555550100",
        "phone_number",
        "CustomMessage_SignUp",
        null,
        "Your verification code is 123456. ",
        "123456",
        Map.of(),
        Map.of(),
        smsConfiguration,
        NOW);
  }

  private static Map<String, Object> role(String externalId, String region) {
    Map<String, Object> config = new HashMap<>();
    config.put("SnsCallerArn", ROLE);
    if (externalId != null) {
      config.put("ExternalId", externalId);
    }
    if (region != null) {
      config.put("SnsRegion", region);
    }
    return config;
  }

  private static AwsCredentials credentialsOf(PublishRequest request) {
    return request
                .overrideConfiguration()
                .orElseThrow()
                .credentialsIdentityProvider()
                .orElseThrow()
                .resolveIdentity()
                .join()
            instanceof AwsCredentials c
        ? c
        : null;
  }

  @Test
  void theRoleIsAssumedWithTheExternalIdAndItsCredentialsPublishInTheSnsRegion() {
    delivery().send(sms(role("ext-123", "us-west-2")));

    assertEquals(1, assumed.size());
    assertEquals(ROLE, assumed.get(0).roleArn());
    assertEquals("ext-123", assumed.get(0).externalId());
    assertEquals("userpool-sms", assumed.get(0).roleSessionName());
    assertEquals(List.of("us-west-2"), regions);
    AwsCredentials used = credentialsOf(published.get(0));
    assertTrue(used instanceof AwsSessionCredentials);
    assertEquals("ASIA0", used.accessKeyId());
    assertEquals("token0", ((AwsSessionCredentials) used).sessionToken());
    assertEquals("+15555550100", published.get(0).phoneNumber());
  }

  @Test
  void withoutExternalIdNoneIsSentAndTheDeploymentRegionIsTheDefault() {
    delivery().send(sms(role(null, null)));

    assertNull(assumed.get(0).externalId());
    assertEquals(List.of("eu-west-1"), regions);
  }

  @Test
  void withoutSnsCallerArnTheDeploymentsOwnCredentialsPublish() {
    delivery().send(sms(Map.of()));

    assertTrue(assumed.isEmpty());
    assertTrue(published.get(0).overrideConfiguration().isEmpty());
  }

  @Test
  void sessionCredentialsAreReusedUntilShortlyBeforeTheyExpire() {
    Delivery delivery = delivery();
    delivery.send(sms(role("x", null)));
    clock.advance(Duration.ofMinutes(54));
    delivery.send(sms(role("x", null)));
    assertEquals(1, assumed.size());
    assertEquals("ASIA0", credentialsOf(published.get(1)).accessKeyId());

    clock.advance(Duration.ofMinutes(2)); // 4 minutes before expiry
    delivery.send(sms(role("x", null)));
    assertEquals(2, assumed.size());
    assertEquals("ASIA1", credentialsOf(published.get(2)).accessKeyId());

    delivery.send(sms(role("another-external-id", null)));
    assertEquals(3, assumed.size());
  }

  @Test
  void whenStsRefusesTheRoleThenInvalidSmsRoleTrustRelationship() {
    sts =
        r -> {
          throw StsException.builder()
              .statusCode(403)
              .message("not authorized to perform sts:AssumeRole")
              .awsErrorDetails(
                  AwsErrorDetails.builder()
                      .errorCode("AccessDenied")
                      .errorMessage("not authorized to perform sts:AssumeRole")
                      .build())
              .build();
        };
    CognitoException e =
        assertThrows(CognitoException.class, () -> delivery().send(sms(role("x", null))));

    assertEquals(ErrorCode.INVALID_SMS_ROLE_TRUST_RELATIONSHIP, e.code());
    assertEquals(
        "Role does not have a trust relationship allowing Cognito to assume the role",
        e.getMessage());
    assertTrue(published.isEmpty());
  }

  @Test
  void whenStsFailsOtherwiseThenCodeDeliveryFailure() {
    sts =
        r -> {
          throw RegionDisabledException.builder()
              .statusCode(403 - 3)
              .awsErrorDetails(
                  AwsErrorDetails.builder().errorCode("RegionDisabledException").build())
              .build();
        };
    assertEquals(
        ErrorCode.CODE_DELIVERY_FAILURE,
        assertThrows(CognitoException.class, () -> delivery().send(sms(role("x", null)))).code());

    sts =
        r -> {
          throw SdkClientException.create("connection refused");
        };
    assertEquals(
        ErrorCode.CODE_DELIVERY_FAILURE,
        assertThrows(CognitoException.class, () -> delivery().send(sms(role("x", null)))).code());
    assertTrue(published.isEmpty());
  }

  @Test
  void whenTheAssumedRoleMayNotPublishThenInvalidSmsRoleAccessPolicy() {
    publishFailure =
        AuthorizationErrorException.builder()
            .statusCode(403)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("AuthorizationError")
                    .errorMessage("not authorized to perform: SNS:Publish")
                    .build())
            .build();
    CognitoException e =
        assertThrows(CognitoException.class, () -> delivery().send(sms(role("x", null))));

    assertEquals(ErrorCode.INVALID_SMS_ROLE_ACCESS_POLICY, e.code());
    assertEquals("Role does not have permission to publish with SNS", e.getMessage());
  }

  @Test
  void whenTheDeploymentItselfMayNotPublishThenCodeDeliveryFailure() {
    publishFailure =
        AuthorizationErrorException.builder()
            .statusCode(403)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AuthorizationError").build())
            .build();
    assertEquals(
        ErrorCode.CODE_DELIVERY_FAILURE,
        assertThrows(CognitoException.class, () -> delivery().send(sms(Map.of()))).code());
  }

  @Test
  void otherPublishFailuresWithTheRoleAreCodeDeliveryFailure() {
    publishFailure =
        InternalErrorException.builder()
            .statusCode(500)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalError").build())
            .build();
    assertEquals(
        ErrorCode.CODE_DELIVERY_FAILURE,
        assertThrows(CognitoException.class, () -> delivery().send(sms(role("x", null)))).code());

    publishFailure =
        SnsException.builder()
            .statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameter").build())
            .build();
    assertEquals(
        ErrorCode.CODE_DELIVERY_FAILURE,
        assertThrows(CognitoException.class, () -> delivery().send(sms(role("x", null)))).code());
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
