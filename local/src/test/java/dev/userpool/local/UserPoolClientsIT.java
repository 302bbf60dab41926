package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

class UserPoolClientsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();
  private String poolId;

  @BeforeEach
  void createPool() {
    poolId = cognito.createUserPool(r -> r.poolName("clients")).userPool().id();
  }

  @Test
  void whenCreatedWithOnlyANameThenCognitosDefaultsAreReturned() {
    UserPoolClientType c =
        cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web")).userPoolClient();

    assertEquals(poolId, c.userPoolId());
    assertEquals("web", c.clientName());
    assertTrue(c.clientId().matches("[0-9a-v]{26}"), c.clientId());
    assertNull(c.clientSecret());
    assertEquals(c.creationDate(), c.lastModifiedDate());
    assertEquals(30, c.refreshTokenValidity());
    assertNull(c.accessTokenValidity());
    assertNull(c.idTokenValidity());
    assertNull(c.tokenValidityUnits().accessToken());
    assertFalse(c.allowedOAuthFlowsUserPoolClient());
    assertTrue(c.enableTokenRevocation());
    assertFalse(c.enablePropagateAdditionalUserContextData());
    assertEquals(3, c.authSessionValidity());
    assertFalse(c.hasExplicitAuthFlows());
    assertNull(c.preventUserExistenceErrors());
    assertFalse(c.hasCallbackURLs());
  }

  @Test
  void whenGenerateSecretThenA52CharacterSecretIsReturnedByCreateAndDescribe() {
    UserPoolClientType c =
        cognito
            .createUserPoolClient(r -> r.userPoolId(poolId).clientName("srv").generateSecret(true))
            .userPoolClient();

    assertTrue(c.clientSecret().matches("[0-9a-v]{52}"), c.clientSecret());
    assertEquals(
        c.clientSecret(),
        cognito
            .describeUserPoolClient(r -> r.userPoolId(poolId).clientId(c.clientId()))
            .userPoolClient()
            .clientSecret());
  }

  @Test
  void whenCreatedWithEveryMemberThenDescribeReturnsThemAll() {
    UserPoolClientType created =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("full")
                        .generateSecret(true)
                        .refreshTokenValidity(10)
                        .accessTokenValidity(60)
                        .idTokenValidity(60)
                        .tokenValidityUnits(
                            u ->
                                u.accessToken(TimeUnitsType.MINUTES)
                                    .idToken(TimeUnitsType.MINUTES)
                                    .refreshToken(TimeUnitsType.DAYS))
                        .readAttributes("email", "name")
                        .writeAttributes("name")
                        .explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                        .supportedIdentityProviders("COGNITO")
                        .callbackURLs("https://app.example.com/cb")
                        .logoutURLs("https://app.example.com/out")
                        .defaultRedirectURI("https://app.example.com/cb")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthScopes("openid", "email")
                        .allowedOAuthFlowsUserPoolClient(true)
                        .analyticsConfiguration(
                            a ->
                                a.applicationId("0a1b2c3d").externalId("ext").userDataShared(false))
                        .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED)
                        .enableTokenRevocation(false)
                        .enablePropagateAdditionalUserContextData(true)
                        .authSessionValidity(15))
            .userPoolClient();

    UserPoolClientType described =
        cognito
            .describeUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId()))
            .userPoolClient();

    assertEquals(created, described);
    assertEquals(10, described.refreshTokenValidity());
    assertEquals(60, described.accessTokenValidity());
    assertEquals(TimeUnitsType.MINUTES, described.tokenValidityUnits().idToken());
    assertEquals(List.of("email", "name"), described.readAttributes());
    assertEquals(List.of("name"), described.writeAttributes());
    assertEquals(
        List.of(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH),
        described.explicitAuthFlows());
    assertEquals(List.of("COGNITO"), described.supportedIdentityProviders());
    assertEquals("https://app.example.com/cb", described.defaultRedirectURI());
    assertEquals(List.of(OAuthFlowType.CODE), described.allowedOAuthFlows());
    assertEquals(List.of("openid", "email"), described.allowedOAuthScopes());
    assertTrue(described.allowedOAuthFlowsUserPoolClient());
    assertEquals("0a1b2c3d", described.analyticsConfiguration().applicationId());
    assertEquals(PreventUserExistenceErrorTypes.ENABLED, described.preventUserExistenceErrors());
    assertFalse(described.enableTokenRevocation());
    assertTrue(described.enablePropagateAdditionalUserContextData());
    assertEquals(15, described.authSessionValidity());
  }

  @Test
  void whenRefreshTokenValidityIsZeroThenThirtyDays() {
    assertEquals(
        30,
        cognito
            .createUserPoolClient(r -> r.userPoolId(poolId).clientName("z").refreshTokenValidity(0))
            .userPoolClient()
            .refreshTokenValidity());
  }

  @Test
  void whenAccessTokenValidityBelowFiveMinutesThenInvalidParameter() {
    Expect.error(
        InvalidParameterException.class,
        "Invalid range for token validity.",
        () ->
            cognito.createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("c")
                        .accessTokenValidity(4)
                        .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES))));
  }

  @Test
  void whenIdTokenValidityAboveOneDayThenInvalidParameter() {
    Expect.error(
        InvalidParameterException.class,
        "Invalid range for token validity.",
        () ->
            cognito.createUserPoolClient(
                r -> r.userPoolId(poolId).clientName("c").idTokenValidity(25)));
  }

  @Test
  void whenRefreshTokenValidityAboveTenYearsThenInvalidParameter() {
    Expect.error(
        InvalidParameterException.class,
        "Invalid range for token validity.",
        () ->
            cognito.createUserPoolClient(
                r -> r.userPoolId(poolId).clientName("c").refreshTokenValidity(3651)));
  }

  @Test
  void whenAuthSessionValidityOutOfRangeThenInvalidParameterFromValidation() {
    Expect.error(
        InvalidParameterException.class,
        "authSessionValidity",
        () ->
            cognito.createUserPoolClient(
                r -> r.userPoolId(poolId).clientName("c").authSessionValidity(16)));
  }

  @Test
  void whenWriteAttributeNotInSchemaThenInvalidParameter() {
    Expect.error(
        InvalidParameterException.class,
        "Invalid write attributes specified while creating a client",
        () ->
            cognito.createUserPoolClient(
                r -> r.userPoolId(poolId).clientName("c").writeAttributes("custom:nope")));
  }

  @Test
  void whenClientCredentialsWithoutSecretThenInvalidOAuthFlow() {
    Expect.error(
        InvalidOAuthFlowException.class,
        "does not have a client secret",
        () ->
            cognito.createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("c")
                        .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                        .allowedOAuthScopes("openid")
                        .allowedOAuthFlowsUserPoolClient(true)));
  }

  @Test
  void whenCreatingInUnknownPoolThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "User pool us-east-1_nothere00 does not exist.",
        () ->
            cognito.createUserPoolClient(r -> r.userPoolId("us-east-1_nothere00").clientName("c")));
  }

  @Test
  void whenClientNameTooLongThenInvalidParameterFromValidation() {
    Expect.error(
        InvalidParameterException.class,
        "clientName",
        () -> cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("c".repeat(129))));
  }

  @Test
  void whenDescribingUnknownClientThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "User pool client abc does not exist.",
        () -> cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId("abc")));
  }

  @Test
  void whenUpdatedThenGivenMembersChangeOmittedOnesResetAndSecretStays() {
    UserPoolClientType created =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("u")
                        .generateSecret(true)
                        .enableTokenRevocation(false)
                        .authSessionValidity(10)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
            .userPoolClient();

    UserPoolClientType updated =
        cognito
            .updateUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientId(created.clientId())
                        .clientName("renamed")
                        .idTokenValidity(2))
            .userPoolClient();

    assertEquals("renamed", updated.clientName());
    assertEquals(created.clientSecret(), updated.clientSecret());
    assertEquals(2, updated.idTokenValidity());
    assertTrue(updated.enableTokenRevocation());
    assertEquals(3, updated.authSessionValidity());
    assertFalse(updated.hasExplicitAuthFlows());
    assertEquals(created.creationDate(), updated.creationDate());
    assertEquals(
        updated,
        cognito
            .describeUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId()))
            .userPoolClient());
  }

  @Test
  void whenUpdatingUnknownClientThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.updateUserPoolClient(r -> r.userPoolId(poolId).clientId("abc")));
  }

  @Test
  void whenDeletedThenDescribeFindsNothing() {
    String id =
        cognito
            .createUserPoolClient(r -> r.userPoolId(poolId).clientName("d"))
            .userPoolClient()
            .clientId();

    cognito.deleteUserPoolClient(r -> r.userPoolId(poolId).clientId(id));

    Expect.error(
        ResourceNotFoundException.class,
        "User pool client " + id + " does not exist.",
        () -> cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(id)));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.deleteUserPoolClient(r -> r.userPoolId(poolId).clientId(id)));
  }

  @Test
  void whenListingWithMaxResultsThenPagesCoverEveryClientOnce() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      created.add(
          cognito
              .createUserPoolClient(r -> r.userPoolId(poolId).clientName("c" + n))
              .userPoolClient()
              .clientId());
    }
    ListUserPoolClientsResponse first =
        cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(2));
    Set<String> seen = new HashSet<>();
    ListUserPoolClientsResponse page = first;
    int pages = 1;
    page.userPoolClients().forEach(c -> seen.add(c.clientId()));
    while (page.nextToken() != null) {
      String token = page.nextToken();
      page = cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(2).nextToken(token));
      page.userPoolClients().forEach(c -> seen.add(c.clientId()));
      pages++;
    }

    assertEquals(created, seen);
    assertEquals(3, pages);
    UserPoolClientDescription item = first.userPoolClients().get(0);
    assertEquals(poolId, item.userPoolId());
    assertNotEquals(null, item.clientName());
  }

  @Test
  void whenListingClientsOfUnknownPoolThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.listUserPoolClients(r -> r.userPoolId("us-east-1_nothere00")));
  }
}
