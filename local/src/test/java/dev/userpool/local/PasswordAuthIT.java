package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static dev.userpool.local.SignInFixtures.secretHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.tokens.TokenUse;
import dev.userpool.tokens.VerifiedToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/** USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH through the AWS SDK v2. */
class PasswordAuthIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenPasswordIsRightThenTokensVerifyWithTokenVerifierAndNimbus() throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(
        cognito,
        poolId,
        "alice",
        attr("email", "alice@example.com"),
        attr("email_verified", "true"));

    InitiateAuthResponse response = passwordSignIn(cognito, clientId, "alice", PASSWORD);

    assertNull(response.challengeName());
    assertNull(response.session());
    AuthenticationResultType result = response.authenticationResult();
    assertEquals("Bearer", result.tokenType());
    assertEquals(3600, result.expiresIn());
    assertNotNull(result.refreshToken());
    assertEquals(5, result.refreshToken().split("\\.", -1).length);
    var verifier = server.server().wiring().dependencies().tokens().verifier();
    VerifiedToken access = verifier.verify(result.accessToken(), TokenUse.ACCESS, poolId);
    VerifiedToken id = verifier.verify(result.idToken(), TokenUse.ID, poolId);
    assertEquals(clientId, access.clientId());
    assertEquals("alice", access.username());
    assertEquals(List.of("aws.cognito.signin.user.admin"), access.scopes());
    assertEquals(clientId, id.clientId());
    assertEquals(access.originJti(), id.originJti());
    assertEquals(access.sub(), id.sub());

    JWTClaimsSet idClaims =
        SignInFixtures.verifyWithJwks(server.endpoint(), poolId, result.idToken(), "id");
    assertEquals("alice", idClaims.getStringClaim("cognito:username"));
    assertEquals("alice@example.com", idClaims.getStringClaim("email"));
    assertEquals(Boolean.TRUE, idClaims.getBooleanClaim("email_verified"));
    assertEquals(List.of(clientId), idClaims.getAudience());
    JWTClaimsSet accessClaims =
        SignInFixtures.verifyWithJwks(server.endpoint(), poolId, result.accessToken(), "access");
    assertEquals(clientId, accessClaims.getStringClaim("client_id"));
    assertTrue(accessClaims.getAudience().isEmpty());
  }

  @Test
  void whenClientSetsTokenValiditiesThenTokensLiveThatLong() throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    String clientId =
        SignInFixtures.client(
                cognito,
                poolId,
                b ->
                    b.explicitAuthFlows(SignInFixtures.ALL_FLOWS)
                        .accessTokenValidity(10)
                        .idTokenValidity(20)
                        .tokenValidityUnits(u -> u.accessToken("minutes").idToken("minutes")))
            .clientId();
    confirmedUser(cognito, poolId, "alice");

    AuthenticationResultType result =
        passwordSignIn(cognito, clientId, "alice", PASSWORD).authenticationResult();

    assertEquals(600, result.expiresIn());
    JWTClaimsSet id =
        SignInFixtures.verifyWithJwks(server.endpoint(), poolId, result.idToken(), "id");
    assertEquals(1200, (id.getExpirationTime().getTime() - id.getIssueTime().getTime()) / 1000);
  }

  @Test
  void whenPasswordIsWrongThenIncorrectUsernameOrPassword() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> passwordSignIn(cognito, clientId, "alice", "Wr0ng-Password!"));
  }

  @Test
  void whenUserIsUnknownThenLegacyClientsSayUserNotFoundAndEnabledOnesDoNot() {
    String poolId = SignInFixtures.pool(cognito);
    String legacy = SignInFixtures.client(cognito, poolId).clientId();
    String enabled =
        SignInFixtures.client(
                cognito,
                poolId,
                b ->
                    b.explicitAuthFlows(SignInFixtures.ALL_FLOWS)
                        .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
            .clientId();

    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> passwordSignIn(cognito, legacy, "ghost", PASSWORD));
    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> passwordSignIn(cognito, enabled, "ghost", PASSWORD));
  }

  @Test
  void whenUserIsDisabledThenUserIsDisabled() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    cognito.adminDisableUser(b -> b.userPoolId(poolId).username("alice"));

    Expect.error(
        NotAuthorizedException.class,
        "User is disabled.",
        () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
  }

  @Test
  void whenUserIsUnconfirmedThenUserNotConfirmedOnlyWithTheRightPassword() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    setStatus(poolId, "alice", UserStatus.UNCONFIRMED);

    Expect.error(
        UserNotConfirmedException.class,
        "User is not confirmed.",
        () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> passwordSignIn(cognito, clientId, "alice", "Wr0ng-Password!"));
  }

  @Test
  void whenUserMustResetPasswordThenPasswordResetRequired() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    setStatus(poolId, "alice", UserStatus.RESET_REQUIRED);

    Expect.error(
        PasswordResetRequiredException.class,
        "Password reset required for the user",
        () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
  }

  @Test
  void whenClientDoesNotAllowTheFlowThenFlowNotEnabled() {
    String poolId = SignInFixtures.pool(cognito);
    String defaults = SignInFixtures.client(cognito, poolId, b -> {}).clientId();
    String srpOnly =
        SignInFixtures.client(
                cognito,
                poolId,
                b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH))
            .clientId();
    confirmedUser(cognito, poolId, "alice");

    Expect.error(
        InvalidParameterException.class,
        "USER_PASSWORD_AUTH flow not enabled for this client",
        () -> passwordSignIn(cognito, defaults, "alice", PASSWORD));
    Expect.error(
        InvalidParameterException.class,
        "ADMIN_USER_PASSWORD_AUTH flow not enabled for this client",
        () -> adminSignIn(poolId, srpOnly, AuthFlowType.ADMIN_USER_PASSWORD_AUTH, Map.of()));
  }

  @Test
  void whenAdminFlowIsSentToInitiateAuthThenItIsRefused() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    Expect.error(
        InvalidParameterException.class,
        "Initiate Auth method not supported.",
        () ->
            cognito.initiateAuth(
                b ->
                    b.clientId(clientId)
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))));
  }

  @Test
  void whenAdminSignsInWithEitherAdminFlowThenTokens() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    for (AuthFlowType flow :
        List.of(AuthFlowType.ADMIN_USER_PASSWORD_AUTH, AuthFlowType.ADMIN_NO_SRP_AUTH)) {
      AdminInitiateAuthResponse response = adminSignIn(poolId, clientId, flow, Map.of());
      assertNotNull(response.authenticationResult().accessToken(), flow.toString());
    }
  }

  @Test
  void whenAdminNamesAClientOfAnotherPoolThenResourceNotFound() {
    String poolId = SignInFixtures.pool(cognito);
    String otherPool = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, otherPool).clientId();
    confirmedUser(cognito, poolId, "alice");

    Expect.error(
        ResourceNotFoundException.class,
        clientId,
        () -> adminSignIn(poolId, clientId, AuthFlowType.ADMIN_USER_PASSWORD_AUTH, Map.of()));
  }

  @Test
  void whenClientHasSecretThenSecretHashIsRequiredAndChecked() {
    String poolId = SignInFixtures.pool(cognito);
    UserPoolClientType client =
        SignInFixtures.client(
            cognito,
            poolId,
            b -> b.explicitAuthFlows(SignInFixtures.ALL_FLOWS).generateSecret(true));
    confirmedUser(cognito, poolId, "alice");
    String clientId = client.clientId();

    Expect.error(
        NotAuthorizedException.class,
        "Client " + clientId + " is configured with secret but SECRET_HASH was not received",
        () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
    Expect.error(
        NotAuthorizedException.class,
        "Unable to verify secret hash for client " + clientId,
        () ->
            adminSignIn(
                poolId,
                clientId,
                AuthFlowType.ADMIN_USER_PASSWORD_AUTH,
                Map.of("SECRET_HASH", secretHash(client.clientSecret(), "bob", clientId))));
    AdminInitiateAuthResponse ok =
        adminSignIn(
            poolId,
            clientId,
            AuthFlowType.ADMIN_USER_PASSWORD_AUTH,
            Map.of("SECRET_HASH", secretHash(client.clientSecret(), "alice", clientId)));
    assertNotNull(ok.authenticationResult().idToken());
  }

  @Test
  void whenPoolHasEmailAliasThenVerifiedEmailSignsIn() {
    String poolId = SignInFixtures.pool(cognito, b -> b.aliasAttributes(AliasAttributeType.EMAIL));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(
        cognito,
        poolId,
        "alice",
        attr("email", "alice@example.com"),
        attr("email_verified", "true"));

    AuthenticationResultType result =
        passwordSignIn(cognito, clientId, "alice@example.com", PASSWORD).authenticationResult();

    VerifiedToken access =
        server
            .server()
            .wiring()
            .dependencies()
            .tokens()
            .verifier()
            .verify(result.accessToken(), TokenUse.ACCESS, poolId);
    assertEquals("alice", access.username());
  }

  @Test
  void whenPoolSignsInWithEmailThenTheUsernameInTokensIsTheSub() {
    String poolId =
        SignInFixtures.pool(cognito, b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "carol@example.com");

    AuthenticationResultType result =
        passwordSignIn(cognito, clientId, "carol@example.com", PASSWORD).authenticationResult();

    VerifiedToken access =
        server
            .server()
            .wiring()
            .dependencies()
            .tokens()
            .verifier()
            .verify(result.accessToken(), TokenUse.ACCESS, poolId);
    assertEquals(access.sub(), access.username());
    assertFalse(access.username().contains("@"));
  }

  private AdminInitiateAuthResponse adminSignIn(
      String poolId, String clientId, AuthFlowType flow, Map<String, String> extra) {
    Map<String, String> parameters =
        new java.util.HashMap<>(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD));
    parameters.putAll(extra);
    return cognito.adminInitiateAuth(
        b -> b.userPoolId(poolId).clientId(clientId).authFlow(flow).authParameters(parameters));
  }

  /**
   * Statuses no implemented operation produces yet (SignUp, AdminResetUserPassword) are set in the
   * store.
   */
  static void setStatus(String poolId, String username, UserStatus status) {
    var deps = server.server().wiring().dependencies();
    UserPool pool = deps.pools().find(poolId).orElseThrow();
    UserDirectory directory = new UserDirectory(deps.users());
    directory.update(
        pool, directory.require(pool, username), u -> u.withStatus(status, Instant.now()));
  }
}
