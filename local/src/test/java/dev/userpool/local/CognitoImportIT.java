package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.config.AppConfig;
import dev.userpool.testing.MotoServer;
import dev.userpool.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * Moving in: moto's Cognito plays the source pool (a custom attribute, a client with a secret,
 * groups, three users with passwords and a disabled one). After {@code import-cognito} the local
 * server answers with the same ids, secret and subs; each user's first USER_PASSWORD_AUTH is
 * checked by the source and stores an SRP verifier; after that the source pool is deleted and SRP
 * and password sign-ins still work; wrong passwords are refused and count towards the lockout
 * before and after migration.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CognitoImportIT {
  private static final List<String> USERS = List.of("alice", "bob", "carol");
  private static final List<String> WITHOUT_MFA = List.of("alice", "carol");
  private static final Map<String, String> PASSWORDS =
      Map.of(
          "alice",
          "Alice-Pass-1!",
          "bob",
          "Bob-Pass-22!",
          "carol",
          "Carol-Pass-333!",
          "dave",
          "Dave-Pass-4!");

  @TempDir static Path dir;
  private static CognitoIdentityProviderClient source;
  private static String poolId;
  private static UserPoolClientType web;
  private static UserPoolClientType server;
  private static final Map<String, String> subs = new HashMap<>();
  private static final MutableClock clock = MutableClock.at(Instant.now());
  private static LocalServer local;
  private static CognitoIdentityProviderClient cognito;
  private static Result imported;

  @BeforeAll
  static void importFromMoto() throws Exception {
    System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "testing"));
    System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "testing"));
    source =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(MotoServer.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .build();
    poolId =
        source
            .createUserPool(
                b ->
                    b.poolName("source")
                        .schema(
                            SchemaAttributeType.builder()
                                .name("tier")
                                .attributeDataType(AttributeDataType.STRING)
                                .mutable(true)
                                .build()))
            .userPool()
            .id();
    web =
        source
            .createUserPoolClient(
                b ->
                    b.userPoolId(poolId)
                        .clientName("web")
                        .explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .userPoolClient();
    server =
        source
            .createUserPoolClient(
                b ->
                    b.userPoolId(poolId)
                        .clientName("server")
                        .generateSecret(true)
                        .explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .userPoolClient();
    source.createGroup(
        b -> b.userPoolId(poolId).groupName("admins").precedence(1).description("the admins"));
    for (String name : List.of("alice", "bob", "carol", "dave")) {
      source.adminCreateUser(
          b ->
              b.userPoolId(poolId)
                  .username(name)
                  .messageAction(MessageActionType.SUPPRESS)
                  .userAttributes(
                      AttributeType.builder().name("email").value(name + "@example.com").build(),
                      AttributeType.builder().name("custom:tier").value("gold").build()));
      source.adminSetUserPassword(
          b -> b.userPoolId(poolId).username(name).password(PASSWORDS.get(name)).permanent(true));
      subs.put(
          name,
          source.adminGetUser(b -> b.userPoolId(poolId).username(name)).userAttributes().stream()
              .filter(a -> a.name().equals("sub"))
              .findFirst()
              .orElseThrow()
              .value());
    }
    source.adminDisableUser(b -> b.userPoolId(poolId).username("dave"));
    source.createUserPoolDomain(
        b -> b.userPoolId(poolId).domain("import-it-" + poolId.substring(10, 18)));
    source.createResourceServer(
        b ->
            b.userPoolId(poolId)
                .identifier("https://api.example.com")
                .name("api")
                .scopes(s -> s.scopeName("read").scopeDescription("read things")));
    source.createIdentityProvider(
        b ->
            b.userPoolId(poolId)
                .providerName("Google")
                .providerType("Google")
                .providerDetails(
                    Map.of(
                        "client_id", "google-client",
                        "client_secret", "google-secret",
                        "authorize_scopes", "openid email"))
                .attributeMapping(Map.of("email", "email")));
    // bob uses an authenticator app in the source pool; its secret cannot be read out of Cognito.
    source.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
    String bobToken =
        source
            .adminInitiateAuth(
                b ->
                    b.userPoolId(poolId)
                        .clientId(server.clientId())
                        .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                        .authParameters(
                            Map.of(
                                "USERNAME", "bob",
                                "PASSWORD", PASSWORDS.get("bob"),
                                "SECRET_HASH",
                                    SignInFixtures.secretHash(
                                        server.clientSecret(), "bob", server.clientId()))))
            .authenticationResult()
            .accessToken();
    source.associateSoftwareToken(b -> b.accessToken(bobToken));
    source.verifySoftwareToken(b -> b.accessToken(bobToken).userCode("123456"));
    source.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));
    source.adminAddUserToGroup(b -> b.userPoolId(poolId).username("alice").groupName("admins"));

    Path store = dir.resolve("store");
    imported =
        run(
            "import-cognito",
            "--source-pool",
            poolId,
            "--source-endpoint",
            MotoServer.endpoint().toString(),
            "--migration-client-id",
            server.clientId(),
            "--data-dir",
            store.toString());
    assertEquals(0, imported.code(), imported.out() + imported.err());
    local =
        LocalServer.start(
            new LocalOptions(
                0, store, false, AppConfig.DEFAULT_REGION, AppConfig.DEFAULT_ACCOUNT, null),
            clock);
    cognito = LocalServerExtension.clientFor(local.endpoint(), Region.US_EAST_1);
  }

  @AfterAll
  static void stop() {
    if (cognito != null) {
      cognito.close();
    }
    if (local != null) {
      local.close();
    }
    source.close();
  }

  @Test
  @Order(1)
  void whenImportedThenPoolClientsUsersAndGroupsKeepTheirIds() {
    assertFalse(imported.out().contains("not imported"), imported.out());
    assertEquals(
        "import-it-" + poolId.substring(10, 18),
        cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().domain());
    assertEquals(
        List.of("read"),
        cognito
            .describeResourceServer(b -> b.userPoolId(poolId).identifier("https://api.example.com"))
            .resourceServer()
            .scopes()
            .stream()
            .map(sc -> sc.scopeName())
            .toList());
    assertEquals(
        "google-client",
        cognito
            .describeIdentityProvider(b -> b.userPoolId(poolId).providerName("Google"))
            .identityProvider()
            .providerDetails()
            .get("client_id"));
    var mfa = cognito.getUserPoolMfaConfig(b -> b.userPoolId(poolId));
    assertEquals(UserPoolMfaType.OPTIONAL, mfa.mfaConfiguration());
    assertTrue(mfa.softwareTokenMfaConfiguration().enabled(), mfa.toString());
    assertTrue(imported.out().contains("4 users"), imported.out());
    assertEquals(poolId, cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().id());
    assertTrue(
        cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().schemaAttributes().stream()
            .anyMatch(a -> a.name().equals("custom:tier")));
    assertEquals(
        server.clientSecret(),
        cognito
            .describeUserPoolClient(b -> b.userPoolId(poolId).clientId(server.clientId()))
            .userPoolClient()
            .clientSecret());
    for (String name : PASSWORDS.keySet()) {
      var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username(name));
      assertEquals(
          subs.get(name),
          user.userAttributes().stream()
              .filter(a -> a.name().equals("sub"))
              .findFirst()
              .orElseThrow()
              .value());
      assertEquals(!name.equals("dave"), user.enabled());
      assertEquals(
          "gold",
          user.userAttributes().stream()
              .filter(a -> a.name().equals("custom:tier"))
              .findFirst()
              .orElseThrow()
              .value());
    }
    assertEquals(
        List.of("admins"),
        cognito
            .adminListGroupsForUser(b -> b.userPoolId(poolId).username("alice"))
            .groups()
            .stream()
            .map(g -> g.groupName())
            .toList());
  }

  @Test
  @Order(2)
  void whenRunAgainThenNothingIsImportedTwice() {
    Result again =
        run(
            "import-cognito",
            "--source-pool",
            poolId,
            "--source-endpoint",
            MotoServer.endpoint().toString(),
            "--data-dir",
            dir.resolve("again").toString());
    assertEquals(0, again.code(), again.err());
    Result third =
        run(
            "import-cognito",
            "--source-pool",
            poolId,
            "--source-endpoint",
            MotoServer.endpoint().toString(),
            "--data-dir",
            dir.resolve("again").toString());
    assertEquals(0, third.code(), third.err());
    assertTrue(third.out().contains("pool already there"), third.out());
    assertTrue(third.out().contains("0 users (4 already there)"), third.out());
  }

  @Test
  @Order(4)
  void whenUsersSignInWithTheirSourcePasswordsThenTheyMoveAndNoLongerNeedTheSource()
      throws Exception {
    for (String name : USERS) {
      NotAuthorizedException wrong =
          org.junit.jupiter.api.Assertions.assertThrows(
              NotAuthorizedException.class, () -> passwordSignIn(name, "Not-The-Password-1"));
      assertEquals("Incorrect username or password.", wrong.awsErrorDetails().errorMessage());
    }
    for (String name : WITHOUT_MFA) {
      AuthenticationResultType tokens = passwordSignIn(name, PASSWORDS.get(name));
      assertNotNull(tokens.accessToken(), name);
      assertEquals(name, cognito.getUser(b -> b.accessToken(tokens.accessToken())).username());
    }
    // bob had TOTP in the source: his password moves, then he sets up an authenticator app again.
    InitiateAuthResponse setup = passwordSignInResponse("bob", PASSWORDS.get("bob"));
    assertEquals(ChallengeNameType.MFA_SETUP, setup.challengeName());
    var associated = cognito.associateSoftwareToken(b -> b.session(setup.session()));
    var verified =
        cognito.verifySoftwareToken(
            b ->
                b.session(associated.session())
                    .userCode(TestTotp.code(associated.secretCode(), clock.instant())));
    AuthenticationResultType bobTokens =
        cognito
            .respondToAuthChallenge(
                b ->
                    b.clientId(web.clientId())
                        .challengeName(ChallengeNameType.MFA_SETUP)
                        .session(verified.session())
                        .challengeResponses(Map.of("USERNAME", "bob")))
            .authenticationResult();
    assertEquals("bob", cognito.getUser(b -> b.accessToken(bobTokens.accessToken())).username());
    // The source pool disappears: the migrated users no longer depend on it, by password or by SRP.
    source.deleteUserPool(b -> b.userPoolId(poolId));
    for (String name : WITHOUT_MFA) {
      assertNotNull(passwordSignIn(name, PASSWORDS.get(name)).idToken(), name);
      assertNotNull(srpSignIn(name, PASSWORDS.get(name)).idToken(), name);
      assertThrowsNotAuthorized(() -> srpSignIn(name, "Wrong-Pass-99!"));
    }
    assertEquals(
        ChallengeNameType.SOFTWARE_TOKEN_MFA,
        passwordSignInResponse("bob", PASSWORDS.get("bob")).challengeName());
    // And the browser SDK, amazon-cognito-identity-js, signs in by SRP as it would against Cognito.
    NodeProject js = NodeProject.testJs();
    js.install(Duration.ofMinutes(5));
    for (String name : WITHOUT_MFA) {
      JsonNode right = acijSignIn(js, name, PASSWORDS.get(name));
      assertTrue(right.path("ok").asBoolean(), right.toString());
      assertEquals(subs.get(name), right.path("sub").asText());
      JsonNode wrong = acijSignIn(js, name, "Wrong-Pass-99!");
      assertEquals("NotAuthorizedException", wrong.path("code").asText(), wrong.toString());
    }
  }

  /**
   * One amazon-cognito-identity-js SRP sign-in; the server's clock is frozen, so the SDK's
   * timestamp is real.
   */
  private static JsonNode acijSignIn(NodeProject js, String name, String password)
      throws Exception {
    clock.set(Instant.now());
    NodeProject.Result run =
        js.node(
            "acij-srp-signin.js",
            Map.of(
                "USERPOOL_ENDPOINT",
                local.endpoint(),
                "USERPOOL_POOL_ID",
                poolId,
                "USERPOOL_CLIENT_ID",
                web.clientId(),
                "USERPOOL_USERNAME",
                name,
                "USERPOOL_PASSWORD",
                password),
            Duration.ofMinutes(1));
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    return run.jsonLines().get(0);
  }

  @Test
  @Order(3)
  void whenAnImportedUserGetsWrongPasswordsThenTheLockoutCountsAsForAnyUser() {
    // carol has not signed in yet: each refusal comes from the source pool, and counts here.
    for (int i = 0; i < 5; i++) {
      assertThrowsNotAuthorized(() -> passwordSignIn("carol", "Wrong-Pass-1!"));
    }
    NotAuthorizedException locked =
        org.junit.jupiter.api.Assertions.assertThrows(
            NotAuthorizedException.class, () -> passwordSignIn("carol", PASSWORDS.get("carol")));
    assertEquals("Password attempts exceeded", locked.awsErrorDetails().errorMessage());
    clock.advance(
        java.time.Duration.ofMinutes(16)); // the count resets after 15 minutes without a failure
  }

  private static void assertThrowsNotAuthorized(org.junit.jupiter.api.function.Executable call) {
    assertFalse(
        org.junit.jupiter.api.Assertions.assertThrows(NotAuthorizedException.class, call)
            .awsErrorDetails()
            .errorMessage()
            .isEmpty());
  }

  private static InitiateAuthResponse passwordSignInResponse(String name, String password) {
    return cognito.initiateAuth(
        b ->
            b.clientId(web.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", password)));
  }

  private static AuthenticationResultType passwordSignIn(String name, String password) {
    return cognito
        .initiateAuth(
            b ->
                b.clientId(web.clientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", name, "PASSWORD", password)))
        .authenticationResult();
  }

  private static AuthenticationResultType srpSignIn(String username, String password) {
    SrpClient srp = SrpClient.random();
    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            b ->
                b.clientId(web.clientId())
                    .authFlow(AuthFlowType.USER_SRP_AUTH)
                    .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
    Map<String, String> p = challenge.challengeParameters();
    String poolName = poolId.substring(poolId.indexOf('_') + 1);
    String userId = p.get("USER_ID_FOR_SRP");
    byte[] key = srp.key(poolName, userId, password, p.get("SALT"), p.get("SRP_B"));
    String timestamp = SrpClient.timestamp(clock.instant());
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
    return cognito
        .respondToAuthChallenge(
            b ->
                b.clientId(web.clientId())
                    .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                    .challengeResponses(responses))
        .authenticationResult();
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new CognitoImportCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                java.time.Clock.systemUTC())
            .run(args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
