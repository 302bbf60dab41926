package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.secretHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AddUserPoolClientSecretResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ClientSecretDescriptorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientSecretsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * AddUserPoolClientSecret, ListUserPoolClientSecrets and DeleteUserPoolClientSecret through the SDK
 * v2 client.
 */
class ClientSecretsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private UserPoolClientType confidentialClient(String poolId) {
    return SignInFixtures.client(
        cognito, poolId, b -> b.generateSecret(true).explicitAuthFlows(SignInFixtures.ALL_FLOWS));
  }

  private InitiateAuthResponse signInWithSecret(String clientId, String secret) {
    return cognito.initiateAuth(
        b ->
            b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(
                    Map.of(
                        "USERNAME",
                        "rita",
                        "PASSWORD",
                        PASSWORD,
                        "SECRET_HASH",
                        secretHash(secret, "rita", clientId))));
  }

  @Test
  void whenASecondSecretIsAddedThenBothSignInUntilTheFirstIsDeleted() {
    String poolId = SignInFixtures.pool(cognito);
    UserPoolClientType client = confidentialClient(poolId);
    String clientId = client.clientId();
    confirmedUser(cognito, poolId, "rita");
    Instant before = Instant.now().minusSeconds(1);

    AddUserPoolClientSecretResponse added =
        cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(clientId));

    ClientSecretDescriptorType descriptor = added.clientSecretDescriptor();
    String second = descriptor.clientSecretValue();
    assertNotNull(second);
    assertTrue(second.matches("[\\w+]{24,64}"), second);
    assertTrue(
        descriptor.clientSecretId().startsWith(clientId + "--"), descriptor.clientSecretId());
    assertTrue(!descriptor.clientSecretCreateDate().isBefore(before));
    assertNotNull(signInWithSecret(clientId, client.clientSecret()).authenticationResult());
    assertNotNull(signInWithSecret(clientId, second).authenticationResult());

    ListUserPoolClientSecretsResponse listed =
        cognito.listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId(clientId));
    assertEquals(2, listed.clientSecrets().size());
    assertEquals(descriptor.clientSecretId(), listed.clientSecrets().get(1).clientSecretId());
    listed.clientSecrets().forEach(s -> assertNull(s.clientSecretValue()));
    String firstId = listed.clientSecrets().get(0).clientSecretId();

    cognito.deleteUserPoolClientSecret(
        b -> b.userPoolId(poolId).clientId(clientId).clientSecretId(firstId));

    Expect.error(
        NotAuthorizedException.class,
        "Unable to verify secret hash for client " + clientId,
        () -> signInWithSecret(clientId, client.clientSecret()));
    assertNotNull(signInWithSecret(clientId, second).authenticationResult());
    assertEquals(
        second,
        cognito
            .describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId))
            .userPoolClient()
            .clientSecret());
    assertEquals(
        List.of(descriptor.clientSecretId()),
        cognito
            .listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId(clientId))
            .clientSecrets()
            .stream()
            .map(s -> s.clientSecretId())
            .toList());
  }

  @Test
  void whenACustomSecretIsAddedThenItsValueIsNotEchoedAndItWorks() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = confidentialClient(poolId).clientId();
    confirmedUser(cognito, poolId, "rita");
    String custom = "myOwnRotatedSecret0123456789";

    ClientSecretDescriptorType descriptor =
        cognito
            .addUserPoolClientSecret(
                b -> b.userPoolId(poolId).clientId(clientId).clientSecret(custom))
            .clientSecretDescriptor();

    assertNull(descriptor.clientSecretValue());
    assertNotNull(descriptor.clientSecretId());
    assertNotNull(signInWithSecret(clientId, custom).authenticationResult());
  }

  @Test
  void whenAThirdSecretIsAddedThenLimitExceededAndNothingChanges() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = confidentialClient(poolId).clientId();
    cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(clientId));

    Expect.error(
        LimitExceededException.class,
        "2 client secrets",
        () -> cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(clientId)));

    assertEquals(
        2,
        cognito
            .listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId(clientId))
            .clientSecrets()
            .size());
  }

  @Test
  void whenTheLastSecretOrAnUnknownOneIsDeletedThenRefused() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = confidentialClient(poolId).clientId();
    String onlyId =
        cognito
            .listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId(clientId))
            .clientSecrets()
            .get(0)
            .clientSecretId();

    Expect.error(
        InvalidParameterException.class,
        "last remaining client secret",
        () ->
            cognito.deleteUserPoolClientSecret(
                b -> b.userPoolId(poolId).clientId(clientId).clientSecretId(onlyId)));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () ->
            cognito.deleteUserPoolClientSecret(
                b -> b.userPoolId(poolId).clientId(clientId).clientSecretId(clientId + "--1")));
    assertEquals(
        1,
        cognito
            .listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId(clientId))
            .clientSecrets()
            .size());
  }

  @Test
  void whenTheClientIsPublicOrUnknownThenSecretsAreRefused() {
    String poolId = SignInFixtures.pool(cognito);
    String publicClient = SignInFixtures.client(cognito, poolId).clientId();

    Expect.error(
        InvalidParameterException.class,
        "does not have a client secret",
        () -> cognito.addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(publicClient)));
    assertTrue(
        cognito
            .listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId(publicClient))
            .clientSecrets()
            .isEmpty());
    Expect.error(
        ResourceNotFoundException.class,
        "User pool client nosuchclient does not exist.",
        () ->
            cognito.listUserPoolClientSecrets(b -> b.userPoolId(poolId).clientId("nosuchclient")));
    Expect.error(
        InvalidParameterException.class,
        "Member must have length greater than or equal to 24",
        () ->
            cognito.addUserPoolClientSecret(
                b -> b.userPoolId(poolId).clientId(publicClient).clientSecret("short")));
  }

  @Test
  void whenRevokeTokenNamesEitherSecretThenItIsAccepted() {
    String poolId = SignInFixtures.pool(cognito);
    UserPoolClientType client = confidentialClient(poolId);
    confirmedUser(cognito, poolId, "rita");
    String second =
        cognito
            .addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(client.clientId()))
            .clientSecretDescriptor()
            .clientSecretValue();
    String refresh =
        signInWithSecret(client.clientId(), client.clientSecret())
            .authenticationResult()
            .refreshToken();

    cognito.revokeToken(b -> b.clientId(client.clientId()).clientSecret(second).token(refresh));

    Expect.error(
        NotAuthorizedException.class,
        "Invalid Refresh Token",
        () ->
            cognito.initiateAuth(
                b ->
                    b.clientId(client.clientId())
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(
                            Map.of(
                                "REFRESH_TOKEN",
                                refresh,
                                "SECRET_HASH",
                                secretHash(second, "rita", client.clientId())))));
  }
}
