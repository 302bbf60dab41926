package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnauthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedOperationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedTokenTypeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Expiry, GlobalSignOut, AdminUserGlobalSignOut and RevokeToken, with the server's clock moved by
 * the test.
 */
class SignOutAndRevocationIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();
  private String poolId;
  private String clientId;

  @BeforeEach
  void poolWithBob() {
    CLOCK.set(Instant.now());
    poolId = SignInFixtures.pool(cognito);
    clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "bob");
  }

  private AuthenticationResultType signIn() {
    return passwordSignIn(cognito, clientId, "bob", PASSWORD).authenticationResult();
  }

  private InitiateAuthResponse refresh(String refreshToken) {
    return cognito.initiateAuth(
        b ->
            b.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
  }

  @Test
  void whenAccessTokenExpiresThenAccessTokenHasExpired() {
    String token = signIn().accessToken();
    assertEquals("bob", cognito.getUser(b -> b.accessToken(token)).username());

    CLOCK.advance(Duration.ofHours(1));

    Expect.error(
        NotAuthorizedException.class,
        "Access Token has expired",
        () -> cognito.getUser(b -> b.accessToken(token)));
  }

  @Test
  void whenUserSignsOutGloballyThenEveryTokenIsRevokedAndANewSignInWorks() {
    AuthenticationResultType first = signIn();
    AuthenticationResultType second = signIn();
    String refreshed = refresh(second.refreshToken()).authenticationResult().accessToken();

    cognito.globalSignOut(b -> b.accessToken(first.accessToken()));

    for (String token : new String[] {first.accessToken(), second.accessToken(), refreshed}) {
      Expect.error(
          NotAuthorizedException.class,
          "Access Token has been revoked",
          () -> cognito.getUser(b -> b.accessToken(token)));
    }
    Expect.error(
        NotAuthorizedException.class,
        "Refresh Token has been revoked",
        () -> refresh(first.refreshToken()));
    Expect.error(
        NotAuthorizedException.class,
        "Access Token has been revoked",
        () -> cognito.globalSignOut(b -> b.accessToken(first.accessToken())));
    CLOCK.advance(Duration.ofSeconds(1));
    AuthenticationResultType after = signIn();
    assertEquals("bob", cognito.getUser(b -> b.accessToken(after.accessToken())).username());
    assertNotNull(refresh(after.refreshToken()).authenticationResult().accessToken());
  }

  @Test
  void whenAdministratorSignsUserOutThenEveryTokenIsRevoked() {
    AuthenticationResultType tokens = signIn();

    cognito.adminUserGlobalSignOut(b -> b.userPoolId(poolId).username("bob"));

    Expect.error(
        NotAuthorizedException.class,
        "Access Token has been revoked",
        () -> cognito.getUser(b -> b.accessToken(tokens.accessToken())));
    Expect.error(
        NotAuthorizedException.class,
        "Refresh Token has been revoked",
        () -> refresh(tokens.refreshToken()));
    CLOCK.advance(Duration.ofSeconds(1));
    assertEquals("bob", cognito.getUser(b -> b.accessToken(signIn().accessToken())).username());
  }

  @Test
  void whenAdministratorSignsOutAnUnknownUserThenUserNotFound() {
    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminUserGlobalSignOut(b -> b.userPoolId(poolId).username("nobody")));
  }

  @Test
  void whenRefreshTokenIsRevokedThenItAndItsAccessTokensAreRefusedButOtherSignInsStay() {
    AuthenticationResultType revoked = signIn();
    String refreshedBefore = refresh(revoked.refreshToken()).authenticationResult().accessToken();
    AuthenticationResultType other = signIn();

    cognito.revokeToken(b -> b.clientId(clientId).token(revoked.refreshToken()));

    for (String token : new String[] {revoked.accessToken(), refreshedBefore}) {
      Expect.error(
          NotAuthorizedException.class,
          "Access Token has been revoked",
          () -> cognito.getUser(b -> b.accessToken(token)));
    }
    Expect.error(
        NotAuthorizedException.class, "Refresh Token", () -> refresh(revoked.refreshToken()));
    assertEquals("bob", cognito.getUser(b -> b.accessToken(other.accessToken())).username());
    assertNotNull(refresh(other.refreshToken()).authenticationResult().accessToken());
  }

  @Test
  void whenTokenIsUnknownOrRevokedTwiceThenRevokeTokenSucceeds() {
    AuthenticationResultType tokens = signIn();

    cognito.revokeToken(b -> b.clientId(clientId).token("eyJhbGciOiJub25lIn0.a.b.c.d"));
    cognito.revokeToken(b -> b.clientId(clientId).token(tokens.refreshToken()));
    cognito.revokeToken(b -> b.clientId(clientId).token(tokens.refreshToken()));

    Expect.error(
        NotAuthorizedException.class,
        "Access Token has been revoked",
        () -> cognito.getUser(b -> b.accessToken(tokens.accessToken())));
  }

  @Test
  void whenTokenIsAnAccessTokenThenRevokeTokenRefusesItsType() {
    AuthenticationResultType tokens = signIn();

    Expect.error(
        UnsupportedTokenTypeException.class,
        "",
        () -> cognito.revokeToken(b -> b.clientId(clientId).token(tokens.accessToken())));
    assertEquals("bob", cognito.getUser(b -> b.accessToken(tokens.accessToken())).username());
  }

  @Test
  void whenClientDisablesTokenRevocationThenRevokeTokenIsUnsupported() {
    String noRevocation =
        SignInFixtures.client(
                cognito,
                poolId,
                b -> b.explicitAuthFlows(SignInFixtures.ALL_FLOWS).enableTokenRevocation(false))
            .clientId();
    String refreshToken =
        passwordSignIn(cognito, noRevocation, "bob", PASSWORD)
            .authenticationResult()
            .refreshToken();

    Expect.error(
        UnsupportedOperationException.class,
        "",
        () -> cognito.revokeToken(b -> b.clientId(noRevocation).token(refreshToken)));
  }

  @Test
  void whenClientHasASecretThenRevokeTokenNeedsIt() {
    UserPoolClientType secretClient =
        SignInFixtures.client(
            cognito,
            poolId,
            b -> b.explicitAuthFlows(SignInFixtures.ALL_FLOWS).generateSecret(true));
    String id = secretClient.clientId();
    AuthenticationResultType tokens =
        cognito
            .initiateAuth(
                b ->
                    b.clientId(id)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(
                            Map.of(
                                "USERNAME",
                                "bob",
                                "PASSWORD",
                                PASSWORD,
                                "SECRET_HASH",
                                SignInFixtures.secretHash(secretClient.clientSecret(), "bob", id))))
            .authenticationResult();

    Expect.error(
        UnauthorizedException.class,
        "",
        () -> cognito.revokeToken(b -> b.clientId(id).token(tokens.refreshToken())));
    Expect.error(
        UnauthorizedException.class,
        "",
        () ->
            cognito.revokeToken(
                b ->
                    b.clientId(id)
                        .clientSecret("wrongwrongwrongwrongwrongwrong")
                        .token(tokens.refreshToken())));
    assertEquals("bob", cognito.getUser(b -> b.accessToken(tokens.accessToken())).username());

    cognito.revokeToken(
        b -> b.clientId(id).clientSecret(secretClient.clientSecret()).token(tokens.refreshToken()));

    Expect.error(
        NotAuthorizedException.class,
        "Access Token has been revoked",
        () -> cognito.getUser(b -> b.accessToken(tokens.accessToken())));
  }

  @Test
  void whenAnotherClientRevokesTheTokenThenNothingIsRevoked() {
    String otherClient = SignInFixtures.client(cognito, poolId).clientId();
    AuthenticationResultType tokens = signIn();

    cognito.revokeToken(b -> b.clientId(otherClient).token(tokens.refreshToken()));

    assertEquals("bob", cognito.getUser(b -> b.accessToken(tokens.accessToken())).username());
    assertNotNull(refresh(tokens.refreshToken()).authenticationResult());
  }
}
