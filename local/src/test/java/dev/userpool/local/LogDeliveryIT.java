package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventSourceName;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureUnavailableInTierException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogDeliveryConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogLevel;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/** SetLogDeliveryConfiguration and GetLogDeliveryConfiguration through the SDK v2 client. */
class LogDeliveryIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private static final LogConfigurationType NOTIFICATIONS =
      LogConfigurationType.builder()
          .eventSource(EventSourceName.USER_NOTIFICATION)
          .logLevel(LogLevel.ERROR)
          .cloudWatchLogsConfiguration(
              c -> c.logGroupArn("arn:aws:logs:us-east-1:123456789012:log-group:cognito"))
          .build();
  private static final LogConfigurationType AUTH_EVENTS =
      LogConfigurationType.builder()
          .eventSource(EventSourceName.USER_AUTH_EVENTS)
          .logLevel(LogLevel.INFO)
          .s3Configuration(c -> c.bucketArn("arn:aws:s3:::cognito-auth-events"))
          .build();

  @Test
  void whenLogDeliveryIsSetThenGetReturnsItAndAnUnsetPoolHasNone() {
    String poolId = SignInFixtures.pool(cognito, b -> b.userPoolTier(UserPoolTierType.PLUS));
    LogDeliveryConfigurationType empty =
        cognito.getLogDeliveryConfiguration(b -> b.userPoolId(poolId)).logDeliveryConfiguration();
    assertEquals(poolId, empty.userPoolId());
    assertTrue(empty.logConfigurations().isEmpty());

    LogDeliveryConfigurationType set =
        cognito
            .setLogDeliveryConfiguration(
                b -> b.userPoolId(poolId).logConfigurations(NOTIFICATIONS, AUTH_EVENTS))
            .logDeliveryConfiguration();

    assertEquals(List.of(NOTIFICATIONS, AUTH_EVENTS), set.logConfigurations());
    assertEquals(
        set,
        cognito.getLogDeliveryConfiguration(b -> b.userPoolId(poolId)).logDeliveryConfiguration());
    cognito.setLogDeliveryConfiguration(b -> b.userPoolId(poolId).logConfigurations(List.of()));
    assertTrue(
        cognito
            .getLogDeliveryConfiguration(b -> b.userPoolId(poolId))
            .logDeliveryConfiguration()
            .logConfigurations()
            .isEmpty());
  }

  @Test
  void whenTheConfigurationBreaksTheRulesThenRefusedAndNothingChanges() {
    String essentials = SignInFixtures.pool(cognito);
    cognito.setLogDeliveryConfiguration(
        b -> b.userPoolId(essentials).logConfigurations(NOTIFICATIONS));

    Expect.error(
        FeatureUnavailableInTierException.class,
        "PLUS",
        () ->
            cognito.setLogDeliveryConfiguration(
                b -> b.userPoolId(essentials).logConfigurations(AUTH_EVENTS)));
    Expect.error(
        InvalidParameterException.class,
        "ERROR",
        () ->
            cognito.setLogDeliveryConfiguration(
                b ->
                    b.userPoolId(essentials)
                        .logConfigurations(
                            NOTIFICATIONS.toBuilder().logLevel(LogLevel.INFO).build())));
    Expect.error(
        InvalidParameterException.class,
        "exactly one destination",
        () ->
            cognito.setLogDeliveryConfiguration(
                b ->
                    b.userPoolId(essentials)
                        .logConfigurations(
                            NOTIFICATIONS.toBuilder()
                                .s3Configuration(c -> c.bucketArn("arn:aws:s3:::b"))
                                .build())));
    Expect.error(
        InvalidParameterException.class,
        "one log configuration per EventSource",
        () ->
            cognito.setLogDeliveryConfiguration(
                b -> b.userPoolId(essentials).logConfigurations(NOTIFICATIONS, NOTIFICATIONS)));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.getLogDeliveryConfiguration(b -> b.userPoolId("us-east-1_nopool")));
    assertEquals(
        List.of(NOTIFICATIONS),
        cognito
            .getLogDeliveryConfiguration(b -> b.userPoolId(essentials))
            .logDeliveryConfiguration()
            .logConfigurations());
  }
}
