package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenReuseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * GetTokensFromRefreshToken and RefreshTokenRotation, through the SDK v2 client with the server's
 * clock moved.
 */
class RefreshTokenRotationIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  @BeforeEach
  void now() {
    CLOCK.set(Instant.now());
  }

  private UserPoolClientType rotatingClient(String poolId, int graceSeconds) {
    return SignInFixtures.client(
        cognito,
        poolId,
        b ->
            b.explicitAuthFlows(
                    ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                    ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH)
                .refreshTokenRotation(
                    r -> r.feature(FeatureType.ENABLED).retryGracePeriodSeconds(graceSeconds)));
  }

  private AuthenticationResultType refresh(String clientId, String refreshToken) {
    return cognito
        .getTokensFromRefreshToken(b -> b.clientId(clientId).refreshToken(refreshToken))
        .authenticationResult();
  }

  @Test
  void whenRotationIsEnabledThenEachUseGivesANewRefreshTokenAndTheOldOneDiesAfterTheGracePeriod()
      throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    UserPoolClientType client = rotatingClient(poolId, 10);
    assertEquals(FeatureType.ENABLED, client.refreshTokenRotation().feature());
    assertEquals(10, client.refreshTokenRotation().retryGracePeriodSeconds());
    confirmedUser(cognito, poolId, "tom");
    AuthenticationResultType signedIn =
        passwordSignIn(cognito, client.clientId(), "tom", PASSWORD).authenticationResult();
    String first = signedIn.refreshToken();

    AuthenticationResultType rotated = refresh(client.clientId(), first);

    String second = rotated.refreshToken();
    assertNotNull(second);
    assertNotEquals(first, second);
    JWTClaimsSet original =
        SignInFixtures.verifyWithJwks(server.endpoint(), poolId, signedIn.accessToken(), "access");
    JWTClaimsSet renewed =
        SignInFixtures.verifyWithJwks(server.endpoint(), poolId, rotated.accessToken(), "access");
    assertEquals(original.getClaim("origin_jti"), renewed.getClaim("origin_jti"));
    assertEquals(original.getClaim("auth_time"), renewed.getClaim("auth_time"));
    assertEquals("Bearer", rotated.tokenType());
    // a retry within the grace period still works (and rotates again)
    CLOCK.advance(Duration.ofSeconds(9));
    assertNotNull(refresh(client.clientId(), first).refreshToken());
    CLOCK.advance(Duration.ofSeconds(1));
    Expect.error(RefreshTokenReuseException.class, "", () -> refresh(client.clientId(), first));
    // the successor keeps working, and rotates in turn
    String third = refresh(client.clientId(), second).refreshToken();
    assertNotNull(refresh(client.clientId(), third).refreshToken());
  }

  @Test
  void whenTheGracePeriodIsZeroThenTheUsedTokenIsRefusedAtOnce() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = rotatingClient(poolId, 0).clientId();
    confirmedUser(cognito, poolId, "tom");
    String first =
        passwordSignIn(cognito, clientId, "tom", PASSWORD).authenticationResult().refreshToken();

    assertNotNull(refresh(clientId, first).refreshToken());

    Expect.error(RefreshTokenReuseException.class, "", () -> refresh(clientId, first));
  }

  @Test
  void whenRotationIsDisabledThenOnlyIdAndAccessTokensAreIssuedAndTheTokenStays() {
    String poolId = SignInFixtures.pool(cognito);
    UserPoolClientType client = SignInFixtures.client(cognito, poolId);
    assertEquals(FeatureType.DISABLED, client.refreshTokenRotation().feature());
    assertEquals(0, client.refreshTokenRotation().retryGracePeriodSeconds());
    confirmedUser(cognito, poolId, "tom");
    String token =
        passwordSignIn(cognito, client.clientId(), "tom", PASSWORD)
            .authenticationResult()
            .refreshToken();

    AuthenticationResultType renewed = refresh(client.clientId(), token);

    assertNull(renewed.refreshToken());
    assertNotNull(renewed.idToken());
    assertNotNull(refresh(client.clientId(), token).accessToken());
    assertNotNull(
        cognito
            .initiateAuth(
                b ->
                    b.clientId(client.clientId())
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", token)))
            .authenticationResult());
  }

  @Test
  void whenAClientRotatesThenRefreshTokenAuthIsRefused() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId =
        SignInFixtures.client(
                cognito,
                poolId,
                b ->
                    b.explicitAuthFlows(SignInFixtures.ALL_FLOWS)
                        .refreshTokenRotation(r -> r.feature(FeatureType.ENABLED)))
            .clientId();
    confirmedUser(cognito, poolId, "tom");
    String token =
        passwordSignIn(cognito, clientId, "tom", PASSWORD).authenticationResult().refreshToken();

    Expect.error(
        InvalidParameterException.class,
        "REFRESH_TOKEN_AUTH flow not enabled for this client",
        () ->
            cognito.initiateAuth(
                b ->
                    b.clientId(clientId)
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", token))));
    assertNotNull(refresh(clientId, token).refreshToken());
  }

  @Test
  void whenTheTokenIsUnknownOrOfAnotherClientOrTheUserSignedOutThenNotAuthorized() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = rotatingClient(poolId, 0).clientId();
    String otherClient = rotatingClient(poolId, 0).clientId();
    confirmedUser(cognito, poolId, "tom");
    String token =
        passwordSignIn(cognito, clientId, "tom", PASSWORD).authenticationResult().refreshToken();

    Expect.error(
        NotAuthorizedException.class,
        "Invalid Refresh Token.",
        () -> refresh(clientId, "not.a.token.at.all"));
    Expect.error(
        NotAuthorizedException.class, "Invalid Refresh Token.", () -> refresh(otherClient, token));
    CLOCK.advance(Duration.ofSeconds(1));
    cognito.adminUserGlobalSignOut(b -> b.userPoolId(poolId).username("tom"));
    Expect.error(
        NotAuthorizedException.class,
        "Refresh Token has been revoked",
        () -> refresh(clientId, token));
  }

  @Test
  void whenTheClientHasSecretsThenClientSecretIsRequiredAndEitherWorks() {
    String poolId = SignInFixtures.pool(cognito);
    UserPoolClientType client =
        SignInFixtures.client(
            cognito,
            poolId,
            b ->
                b.generateSecret(true)
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH));
    String clientId = client.clientId();
    String second =
        cognito
            .addUserPoolClientSecret(b -> b.userPoolId(poolId).clientId(clientId))
            .clientSecretDescriptor()
            .clientSecretValue();
    confirmedUser(cognito, poolId, "tom");
    String token =
        cognito
            .adminInitiateAuth(
                b ->
                    b.userPoolId(poolId)
                        .clientId(clientId)
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(
                            Map.of(
                                "USERNAME",
                                "tom",
                                "PASSWORD",
                                PASSWORD,
                                "SECRET_HASH",
                                SignInFixtures.secretHash(second, "tom", clientId))))
            .authenticationResult()
            .refreshToken();

    Expect.error(
        NotAuthorizedException.class,
        "is configured for secret but secret was not received",
        () -> refresh(clientId, token));
    Expect.error(
        NotAuthorizedException.class,
        "Unable to verify secret",
        () ->
            cognito.getTokensFromRefreshToken(
                b ->
                    b.clientId(clientId)
                        .refreshToken(token)
                        .clientSecret("wrongsecretwrongsecret0000")));
    for (String secret : List.of(client.clientSecret(), second)) {
      assertNotNull(
          cognito
              .getTokensFromRefreshToken(
                  b -> b.clientId(clientId).refreshToken(token).clientSecret(secret))
              .authenticationResult()
              .accessToken());
    }
  }
}
