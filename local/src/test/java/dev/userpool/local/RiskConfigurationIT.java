package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventFilterType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskConfigurationType;

/**
 * SetRiskConfiguration and DescribeRiskConfiguration (stored and returned) through the SDK v2
 * client.
 */
class RiskConfigurationIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenPoolAndClientConfigurationsAreSetThenEachIsDescribedAndClientsFallBackToThePool() {
    String poolId = SignInFixtures.pool(cognito);
    String own = SignInFixtures.client(cognito, poolId).clientId();
    String inheriting = SignInFixtures.client(cognito, poolId).clientId();

    RiskConfigurationType poolLevel =
        cognito
            .setRiskConfiguration(
                b ->
                    b.userPoolId(poolId)
                        .compromisedCredentialsRiskConfiguration(
                            c ->
                                c.eventFilter(EventFilterType.SIGN_IN)
                                    .actions(
                                        a ->
                                            a.eventAction(
                                                CompromisedCredentialsEventActionType.BLOCK)))
                        .riskExceptionConfiguration(
                            r -> r.blockedIPRangeList("203.0.113.0/24", "2001:db8::/32")))
            .riskConfiguration();
    cognito.setRiskConfiguration(
        b ->
            b.userPoolId(poolId)
                .clientId(own)
                .accountTakeoverRiskConfiguration(
                    t ->
                        t.actions(
                            a ->
                                a.highAction(
                                    h ->
                                        h.sendNotification(false)
                                            .eventAction(AccountTakeoverEventActionType.BLOCK)))));

    assertEquals(poolId, poolLevel.userPoolId());
    assertNull(poolLevel.clientId());
    assertNotNull(poolLevel.lastModifiedDate());
    assertEquals(
        poolLevel,
        cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)).riskConfiguration());
    RiskConfigurationType clientLevel =
        cognito
            .describeRiskConfiguration(b -> b.userPoolId(poolId).clientId(own))
            .riskConfiguration();
    assertEquals(own, clientLevel.clientId());
    assertEquals(
        AccountTakeoverEventActionType.BLOCK,
        clientLevel.accountTakeoverRiskConfiguration().actions().highAction().eventAction());
    assertNull(clientLevel.compromisedCredentialsRiskConfiguration());
    RiskConfigurationType inherited =
        cognito
            .describeRiskConfiguration(b -> b.userPoolId(poolId).clientId(inheriting))
            .riskConfiguration();
    assertEquals(poolLevel.riskExceptionConfiguration(), inherited.riskExceptionConfiguration());
    assertEquals(
        poolLevel.compromisedCredentialsRiskConfiguration(),
        inherited.compromisedCredentialsRiskConfiguration());
  }

  @Test
  void whenAnIpRangeIsNotACidrOrTheClientIsUnknownThenRefusedAndNothingStored() {
    String poolId = SignInFixtures.pool(cognito);

    Expect.error(
        InvalidParameterException.class,
        "not a valid CIDR block",
        () ->
            cognito.setRiskConfiguration(
                b ->
                    b.userPoolId(poolId)
                        .riskExceptionConfiguration(r -> r.blockedIPRangeList("203.0.113.0/33"))));
    Expect.error(
        ResourceNotFoundException.class,
        "User pool client nosuchclient does not exist.",
        () ->
            cognito.setRiskConfiguration(
                b ->
                    b.userPoolId(poolId)
                        .clientId("nosuchclient")
                        .riskExceptionConfiguration(r -> r.blockedIPRangeList("203.0.113.0/24"))));
    RiskConfigurationType none =
        cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)).riskConfiguration();
    assertNull(none.riskExceptionConfiguration());
    assertEquals(poolId, none.userPoolId());
  }
}
