package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static dev.userpool.local.SignInFixtures.secretHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.userpool.testing.MutableClock;
import dev.userpool.tokens.TokenUse;
import dev.userpool.tokens.VerifiedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * Failed sign-in lockout (sources §8.2) and REFRESH_TOKEN_AUTH, with the server's clock moved by
 * the test.
 */
class LockoutAndRefreshIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());
  private static final String WRONG = "Wr0ng-Password!";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  @BeforeEach
  void now() {
    CLOCK.set(Instant.now());
  }

  @Test
  void whenFiveSignInsFailThenEvenTheRightPasswordIsRefusedUntilTheLockEnds() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "gina");
    for (int i = 0; i < 5; i++) {
      Expect.error(
          NotAuthorizedException.class,
          "Incorrect username or password.",
          () -> passwordSignIn(cognito, clientId, "gina", WRONG));
    }

    Expect.error(
        NotAuthorizedException.class,
        "Password attempts exceeded",
        () -> passwordSignIn(cognito, clientId, "gina", PASSWORD));
    CLOCK.advance(Duration.ofSeconds(2));
    assertNotNull(passwordSignIn(cognito, clientId, "gina", PASSWORD).authenticationResult());
  }

  @Test
  void whenFailuresContinueThenTheLockDoublesAndCountsSrpToo() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "gina");
    for (int i = 0; i < 5; i++) {
      Expect.error(
          NotAuthorizedException.class,
          "Incorrect",
          () -> passwordSignIn(cognito, clientId, "gina", WRONG));
    }
    CLOCK.advance(Duration.ofSeconds(2)); // 1 s lock over
    Expect.error(
        NotAuthorizedException.class,
        "Incorrect",
        () -> passwordSignIn(cognito, clientId, "gina", WRONG));

    CLOCK.advance(Duration.ofSeconds(1)); // the 6th failure locks for 2 s
    Expect.error(
        NotAuthorizedException.class,
        "Password attempts exceeded",
        () -> passwordSignIn(cognito, clientId, "gina", PASSWORD));
    CLOCK.advance(Duration.ofSeconds(2));
    assertNotNull(passwordSignIn(cognito, clientId, "gina", PASSWORD).authenticationResult());
  }

  @Test
  void whenFifteenMinutesPassWithoutFailureThenTheCountStartsAgain() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "gina");
    for (int i = 0; i < 4; i++) {
      Expect.error(
          NotAuthorizedException.class,
          "Incorrect",
          () -> passwordSignIn(cognito, clientId, "gina", WRONG));
    }
    CLOCK.advance(Duration.ofMinutes(15));

    Expect.error(
        NotAuthorizedException.class,
        "Incorrect",
        () -> passwordSignIn(cognito, clientId, "gina", WRONG));
    assertNotNull(passwordSignIn(cognito, clientId, "gina", PASSWORD).authenticationResult());
  }

  @Test
  void whenRefreshTokenIsUsedThenNewTokensKeepAuthTimeAndOriginJtiAndNoNewRefreshToken() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "hal");
    AuthenticationResultType first =
        passwordSignIn(cognito, clientId, "hal", PASSWORD).authenticationResult();
    CLOCK.advance(Duration.ofMinutes(90)); // the first access token has expired

    InitiateAuthResponse refreshed = refresh(clientId, first.refreshToken(), Map.of());

    AuthenticationResultType second = refreshed.authenticationResult();
    assertNull(second.refreshToken());
    assertEquals("Bearer", second.tokenType());
    var verifier = server.server().wiring().dependencies().tokens().verifier();
    VerifiedToken access = verifier.verify(second.accessToken(), TokenUse.ACCESS, poolId);
    VerifiedToken id = verifier.verify(second.idToken(), TokenUse.ID, poolId);
    assertEquals(CLOCK.instant().getEpochSecond(), access.issuedAt().getEpochSecond());
    assertEquals(access.authTime(), id.authTime());
    assertEquals(
        access.issuedAt().minus(Duration.ofMinutes(90)).getEpochSecond(),
        access.authTime().getEpochSecond());
    assertEquals(claimsOf(first.accessToken()).get("origin_jti").asText(), access.originJti());
    assertNotEquals(claimsOf(first.accessToken()).get("jti").asText(), access.jti());
    assertEquals(refreshed.authenticationResult().accessToken(), second.accessToken());
    assertNotNull(
        refresh(clientId, first.refreshToken(), Map.of()).authenticationResult()); // no rotation
  }

  @Test
  void whenRefreshTokenIsUnknownOrOfAnotherClientOrExpiredThenInvalid() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String other = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "hal");
    String token =
        passwordSignIn(cognito, clientId, "hal", PASSWORD).authenticationResult().refreshToken();

    Expect.error(
        NotAuthorizedException.class,
        "Invalid Refresh Token",
        () -> refresh(clientId, token.substring(0, token.length() - 2) + "xx", Map.of()));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Refresh Token",
        () -> refresh(other, token, Map.of()));
    CLOCK.advance(Duration.ofDays(30).plusSeconds(1));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Refresh Token",
        () -> refresh(clientId, token, Map.of()));
  }

  @Test
  void whenUserIsDisabledThenRefreshIsRefused() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "hal");
    String token =
        passwordSignIn(cognito, clientId, "hal", PASSWORD).authenticationResult().refreshToken();
    cognito.adminDisableUser(b -> b.userPoolId(poolId).username("hal"));

    Expect.error(
        NotAuthorizedException.class,
        "User is disabled.",
        () -> refresh(clientId, token, Map.of()));
  }

  @Test
  void whenClientDoesNotAllowRefreshThenFlowNotEnabled() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId =
        SignInFixtures.client(
                cognito,
                poolId,
                b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
            .clientId();
    confirmedUser(cognito, poolId, "hal");
    String token =
        passwordSignIn(cognito, clientId, "hal", PASSWORD).authenticationResult().refreshToken();

    Expect.error(
        InvalidParameterException.class,
        "REFRESH_TOKEN_AUTH flow not enabled for this client",
        () -> refresh(clientId, token, Map.of()));
  }

  @Test
  void whenClientHasSecretThenRefreshNeedsTheHashOfTheInternalUsername() {
    String poolId =
        SignInFixtures.pool(cognito, b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
    UserPoolClientType client =
        SignInFixtures.client(
            cognito,
            poolId,
            b -> b.explicitAuthFlows(SignInFixtures.ALL_FLOWS).generateSecret(true));
    String clientId = client.clientId();
    confirmedUser(cognito, poolId, "ivy@example.com");
    AuthenticationResultType first =
        cognito
            .initiateAuth(
                b ->
                    b.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(
                            Map.of(
                                "USERNAME",
                                "ivy@example.com",
                                "PASSWORD",
                                PASSWORD,
                                "SECRET_HASH",
                                secretHash(client.clientSecret(), "ivy@example.com", clientId))))
            .authenticationResult();
    String internal = claimsOf(first.accessToken()).get("username").asText();

    Expect.error(
        NotAuthorizedException.class,
        "is configured with secret but SECRET_HASH was not received",
        () -> refresh(clientId, first.refreshToken(), Map.of()));
    Expect.error(
        NotAuthorizedException.class,
        "Unable to verify secret hash",
        () ->
            refresh(
                clientId,
                first.refreshToken(),
                Map.of(
                    "SECRET_HASH",
                    secretHash(client.clientSecret(), "ivy@example.com", clientId))));
    assertNotNull(
        refresh(
                clientId,
                first.refreshToken(),
                Map.of("SECRET_HASH", secretHash(client.clientSecret(), internal, clientId)))
            .authenticationResult());
  }

  private InitiateAuthResponse refresh(String clientId, String token, Map<String, String> extra) {
    Map<String, String> parameters = new HashMap<>(Map.of("REFRESH_TOKEN", token));
    parameters.putAll(extra);
    return cognito.initiateAuth(
        b ->
            b.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(parameters));
  }

  private static com.fasterxml.jackson.databind.JsonNode claimsOf(String jwt) {
    return dev.userpool.protocol.Json.read(
        new String(
            java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8));
  }
}
