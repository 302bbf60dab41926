package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.secretHash;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * USER_SRP_AUTH → PASSWORD_VERIFIER with a client written from sources §7.4 (SrpClient), over the
 * AWS SDK v2: the full round trip to tokens, wrong password, unknown users, tampering, SECRET_HASH
 * with the internal username.
 */
class SrpAuthIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenSrpClientMatchesTheFactsTestVectorThenItsKeyIsTheExpectedOne() {
    String salt = "8f3a2b1c4d5e6f708192a3b4c5d6e7f8";
    BigInteger a = new BigInteger("11".repeat(32), 16);
    BigInteger b = new BigInteger("22".repeat(32), 16);
    BigInteger v =
        SrpClient.G.modPow(SrpClient.x("AbCdEfGhI", "alice", "P@ssw0rd!", salt), SrpClient.N);
    BigInteger largeB =
        SrpClient.K.multiply(v).add(SrpClient.G.modPow(b, SrpClient.N)).mod(SrpClient.N);
    SrpClient client = new SrpClient(a);

    byte[] key = client.key("AbCdEfGhI", "alice", "P@ssw0rd!", salt, largeB.toString(16));

    assertTrue(client.srpA().startsWith("f2c4e7407ccfac452a7c7e1034e8388b"));
    assertArrayEquals(HexFormat.of().parseHex("7076c09044eecdeead29da4795206a5a"), key);
    assertEquals(
        "R6GL8nFMhQH93in80OTUFJ+DBDY98KeQ1c6SlHWSzQk=",
        SrpClient.signature(
            key,
            "AbCdEfGhI",
            "alice",
            "c2VjcmV0LWJsb2NrLWJ5dGVzLTAxMjM0NTY3ODk=",
            "Tue Jan 2 03:04:05 UTC 2024"));
  }

  @Test
  void whenPasswordIsRightThenSrpEndsInTokens() throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    SrpClient srp = SrpClient.random();

    InitiateAuthResponse challenge = start(clientId, "alice", srp, Map.of());

    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, challenge.challengeName());
    assertNull(challenge.session());
    Map<String, String> p = challenge.challengeParameters();
    assertEquals("alice", p.get("USERNAME"));
    assertEquals("alice", p.get("USER_ID_FOR_SRP"));
    assertEquals(32, p.get("SALT").length());
    RespondToAuthChallengeResponse tokens =
        answer(poolId, clientId, srp, challenge, PASSWORD, Map.of());

    assertNull(tokens.challengeName());
    assertNotNull(tokens.authenticationResult().refreshToken());
    JWTClaimsSet claims =
        SignInFixtures.verifyWithJwks(
            server.endpoint(), poolId, tokens.authenticationResult().accessToken(), "access");
    assertEquals("alice", claims.getStringClaim("username"));
  }

  @Test
  void whenPasswordIsWrongThenPasswordVerifierFails() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    SrpClient srp = SrpClient.random();
    InitiateAuthResponse challenge = start(clientId, "alice", srp, Map.of());

    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> answer(poolId, clientId, srp, challenge, "Wr0ng-Password!", Map.of()));
  }

  @Test
  void whenSecretBlockIsTamperedThenPasswordVerifierFails() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    SrpClient srp = SrpClient.random();
    InitiateAuthResponse challenge = start(clientId, "alice", srp, Map.of());
    Map<String, String> parameters = new HashMap<>(challenge.challengeParameters());
    byte[] block = java.util.Base64.getDecoder().decode(parameters.get("SECRET_BLOCK"));
    block[block.length - 1] ^= 1;
    parameters.put("SECRET_BLOCK", java.util.Base64.getEncoder().encodeToString(block));
    InitiateAuthResponse tampered = challenge.toBuilder().challengeParameters(parameters).build();

    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> answer(poolId, clientId, srp, tampered, PASSWORD, Map.of()));
  }

  @Test
  void whenTimestampIsFarFromNowThenPasswordVerifierFails() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    SrpClient srp = SrpClient.random();
    InitiateAuthResponse challenge = start(clientId, "alice", srp, Map.of());

    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () ->
            answerAt(
                poolId,
                clientId,
                srp,
                challenge,
                PASSWORD,
                Map.of(),
                Instant.now().minusSeconds(3600)));
  }

  @Test
  void whenUserIsUnknownThenLegacySaysSoAndEnabledSimulatesAChallenge() {
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
    SrpClient srp = SrpClient.random();

    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> start(legacy, "ghost", srp, Map.of()));
    InitiateAuthResponse first = start(enabled, "ghost", srp, Map.of());
    InitiateAuthResponse second = start(enabled, "ghost", srp, Map.of());
    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, first.challengeName());
    assertEquals(first.challengeParameters().get("SALT"), second.challengeParameters().get("SALT"));
    String userId = first.challengeParameters().get("USER_ID_FOR_SRP");
    assertTrue(
        userId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), userId);
    assertEquals(userId, second.challengeParameters().get("USER_ID_FOR_SRP"));
    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> answer(poolId, enabled, srp, first, PASSWORD, Map.of()));
  }

  @Test
  void whenBlockIsAnsweredThroughAnotherClientThenItFails() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String other = SignInFixtures.client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    SrpClient srp = SrpClient.random();
    InitiateAuthResponse challenge = start(clientId, "alice", srp, Map.of());

    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> answer(poolId, other, srp, challenge, PASSWORD, Map.of()));
  }

  @Test
  void whenPoolSignsInWithEmailThenUserIdForSrpIsTheInternalUsernameAndSecretHashUsesIt() {
    String poolId =
        SignInFixtures.pool(cognito, b -> b.usernameAttributes(UsernameAttributeType.EMAIL));
    UserPoolClientType client =
        SignInFixtures.client(
            cognito,
            poolId,
            b -> b.explicitAuthFlows(SignInFixtures.ALL_FLOWS).generateSecret(true));
    String clientId = client.clientId();
    confirmedUser(cognito, poolId, "dana@example.com");
    SrpClient srp = SrpClient.random();

    InitiateAuthResponse challenge =
        start(
            clientId,
            "dana@example.com",
            srp,
            Map.of("SECRET_HASH", secretHash(client.clientSecret(), "dana@example.com", clientId)));
    String internal = challenge.challengeParameters().get("USER_ID_FOR_SRP");
    assertNotEquals("dana@example.com", internal);

    Expect.error(
        NotAuthorizedException.class,
        "Unable to verify secret hash for client " + clientId,
        () ->
            answer(
                poolId,
                clientId,
                srp,
                challenge,
                PASSWORD,
                Map.of(
                    "SECRET_HASH",
                    secretHash(client.clientSecret(), "dana@example.com", clientId))));
    SrpClient again = SrpClient.random();
    InitiateAuthResponse retry =
        start(
            clientId,
            "dana@example.com",
            again,
            Map.of("SECRET_HASH", secretHash(client.clientSecret(), "dana@example.com", clientId)));
    RespondToAuthChallengeResponse tokens =
        answer(
            poolId,
            clientId,
            again,
            retry,
            PASSWORD,
            Map.of("SECRET_HASH", secretHash(client.clientSecret(), internal, clientId)));
    assertNotNull(tokens.authenticationResult().idToken());
  }

  @Test
  void whenUserHasTemporaryPasswordThenSrpLeadsToNewPasswordRequired() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("erin")
                .temporaryPassword("Temp0rary-Pass!")
                .messageAction("SUPPRESS"));
    SrpClient srp = SrpClient.random();
    InitiateAuthResponse challenge = start(clientId, "erin", srp, Map.of());

    RespondToAuthChallengeResponse next =
        answer(poolId, clientId, srp, challenge, "Temp0rary-Pass!", Map.of());

    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, next.challengeName());
    assertNotNull(next.session());
    RespondToAuthChallengeResponse tokens =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                    .session(next.session())
                    .challengeResponses(Map.of("USERNAME", "erin", "NEW_PASSWORD", PASSWORD)));
    assertNotNull(tokens.authenticationResult().accessToken());
  }

  private InitiateAuthResponse start(
      String clientId, String username, SrpClient srp, Map<String, String> extra) {
    Map<String, String> parameters =
        new HashMap<>(Map.of("USERNAME", username, "SRP_A", srp.srpA()));
    parameters.putAll(extra);
    return cognito.initiateAuth(
        b -> b.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(parameters));
  }

  private RespondToAuthChallengeResponse answer(
      String poolId,
      String clientId,
      SrpClient srp,
      InitiateAuthResponse challenge,
      String password,
      Map<String, String> extra) {
    return answerAt(poolId, clientId, srp, challenge, password, extra, Instant.now());
  }

  /**
   * What amazon-cognito-identity-js sends: USER_ID_FOR_SRP as USERNAME, the block echoed, no
   * Session.
   */
  private RespondToAuthChallengeResponse answerAt(
      String poolId,
      String clientId,
      SrpClient srp,
      InitiateAuthResponse challenge,
      String password,
      Map<String, String> extra,
      Instant at) {
    Map<String, String> p = challenge.challengeParameters();
    String poolName = poolId.substring(poolId.indexOf('_') + 1);
    String userId = p.get("USER_ID_FOR_SRP");
    byte[] key = srp.key(poolName, userId, password, p.get("SALT"), p.get("SRP_B"));
    String timestamp = SrpClient.timestamp(at);
    Map<String, String> responses =
        new HashMap<>(
            Map.of(
                "USERNAME",
                userId,
                "PASSWORD_CLAIM_SECRET_BLOCK",
                p.get("SECRET_BLOCK"),
                "TIMESTAMP",
                timestamp,
                "PASSWORD_CLAIM_SIGNATURE",
                SrpClient.signature(key, poolName, userId, p.get("SECRET_BLOCK"), timestamp)));
    responses.putAll(extra);
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(responses));
  }
}
