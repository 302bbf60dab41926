package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.userpool.config.AppConfig;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * "Free to leave": a store exported with {@code java -jar userpool-local.jar export} and imported
 * into a fresh folder and into DynamoDB (moto) serves the same pool, client secret and users there.
 * SRP sign-in with the old passwords, refresh with a refresh token issued before the move, group
 * claims and the signing keys (old tokens verify against the new JWKS) are identical on all three
 * stores.
 */
class StoreExportImportIT {
  private static final String PASSWORD = SignInFixtures.PASSWORD;

  @TempDir static Path dir;
  private static Path exportFile;
  private static String poolId;
  private static String clientId;
  private static String secretClientId;
  private static String clientSecret;
  private static String aliceSub;
  private static String refreshToken;
  private static String oldAccessToken;
  private static Map<String, String> aliceAttributes;

  /**
   * The source store: a pool with a custom attribute, two clients (one with a secret), a group,
   * three users.
   */
  @BeforeAll
  static void buildAndExportSource() throws Exception {
    // The default credentials chain of the DynamoDB client reads these for moto.
    System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "testing"));
    System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "testing"));
    Path source = dir.resolve("source");
    try (LocalServer server = LocalServer.start(onFolder(source));
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(server.endpoint(), Region.US_EAST_1)) {
      poolId =
          SignInFixtures.pool(
              cognito,
              b ->
                  b.schema(
                      SchemaAttributeType.builder()
                          .name("tier")
                          .attributeDataType(AttributeDataType.STRING)
                          .mutable(true)
                          .build()));
      clientId = SignInFixtures.client(cognito, poolId).clientId();
      var withSecret =
          SignInFixtures.client(
              cognito,
              poolId,
              b -> b.generateSecret(true).explicitAuthFlows(SignInFixtures.ALL_FLOWS));
      secretClientId = withSecret.clientId();
      clientSecret = withSecret.clientSecret();
      SignInFixtures.confirmedUser(
          cognito,
          poolId,
          "alice",
          AttributeType.builder().name("email").value("alice@example.com").build(),
          AttributeType.builder().name("custom:tier").value("gold").build());
      SignInFixtures.confirmedUser(cognito, poolId, "bob");
      SignInFixtures.confirmedUser(cognito, poolId, "carol");
      cognito.adminDisableUser(b -> b.userPoolId(poolId).username("carol"));
      cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins").precedence(1));
      cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("alice").groupName("admins"));

      AuthenticationResultType tokens = srpSignIn(cognito, "alice", PASSWORD);
      refreshToken = tokens.refreshToken();
      oldAccessToken = tokens.accessToken();
      AdminGetUserResponse alice =
          cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice"));
      aliceAttributes = attributes(alice.userAttributes());
      aliceSub = aliceAttributes.get("sub");
    }
    exportFile = dir.resolve("store.jsonl");
    Result export = run("export", "--data-dir", source.toString(), "--out", exportFile.toString());
    assertEquals(0, export.code(), export.err());
    assertTrue(export.out().contains("exported "), export.out());
  }

  @Test
  void whenExportedThenTheFileIsReadableByItsOwnerOnlyAndMarksItsSecrets() throws Exception {
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(exportFile)));
    String text = Files.readString(exportFile);
    assertTrue(text.contains("\"secret\":true"));
    assertTrue(text.lines().findFirst().orElseThrow().contains("\"format\":\"userpool-store\""));
    Result again =
        run(
            "export",
            "--data-dir",
            dir.resolve("source").toString(),
            "--out",
            exportFile.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already exists"), again.err());
  }

  @Test
  void whenImportedIntoAFreshFolderThenEverythingWorksAsBefore() throws Exception {
    Path target = dir.resolve("folder-target");
    Result result = run("import", "--in", exportFile.toString(), "--data-dir", target.toString());
    assertEquals(0, result.code(), result.err());
    // Resumable: run again (as after an interruption), it finds everything there and writes
    // nothing.
    Result again = run("import", "--in", exportFile.toString(), "--data-dir", target.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains(": 0 written"), again.out());
    try (LocalServer server = LocalServer.start(onFolder(target))) {
      assertSameUsersAndSignIns(server);
    }
  }

  @Test
  void whenImportedIntoDynamoDbThenEverythingWorksAsBefore() throws Exception {
    String table = MotoServer.uniqueTableName(StoreExportImportIT.class);
    String endpoint = MotoServer.endpoint().toString();
    Result result =
        run(
            "import",
            "--in",
            exportFile.toString(),
            "--dynamodb-endpoint",
            endpoint,
            "--table",
            table);
    assertEquals(0, result.code(), result.err());
    // And back out of DynamoDB before anything changes there: the round trip keeps every item.
    Path back = dir.resolve("from-dynamodb.jsonl");
    Result export =
        run("export", "--dynamodb-endpoint", endpoint, "--table", table, "--out", back.toString());
    assertEquals(0, export.code(), export.err());
    assertEquals(Files.readAllLines(exportFile).size(), Files.readAllLines(back).size());
    DynamoDbClient client = MotoServer.dynamoDbClient();
    try (LocalServer server =
        LocalServer.start(
            LocalOptions.inMemoryOnFreePort(),
            Clock.systemUTC(),
            new DynamoDbItemTable(client, table, Clock.systemUTC()))) {
      assertSameUsersAndSignIns(server);
    }
  }

  @Test
  void whenTheSourceStoreIsReopenedThenItStillWorks() throws Exception {
    try (LocalServer server = LocalServer.start(onFolder(dir.resolve("source")))) {
      assertSameUsersAndSignIns(server);
    }
  }

  @Test
  void whenTheFileIsDamagedThenTheImportIsRefusedAndTheTargetStaysEmpty() throws Exception {
    Path damaged = dir.resolve("damaged.jsonl");
    List<String> lines = Files.readAllLines(exportFile);
    Files.write(damaged, lines.subList(0, lines.size() / 2));
    Path target = dir.resolve("damaged-target");

    Result result = run("import", "--in", damaged.toString(), "--data-dir", target.toString());

    assertEquals(2, result.code());
    assertTrue(result.err().contains("import refused, nothing written"), result.err());
    try (LocalServer server = LocalServer.start(onFolder(target));
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(server.endpoint(), Region.US_EAST_1)) {
      assertTrue(cognito.listUserPools(b -> b.maxResults(10)).userPools().isEmpty());
    }
  }

  @Test
  void whenOptionsAreWrongThenTheCommandSaysSoWithExitCodeTwo() {
    Result noFile = run("export", "--data-dir", dir.toString());
    assertEquals(2, noFile.code());
    assertTrue(noFile.err().contains("export needs --out FILE"), noFile.err());
    Result both = run("import", "--in", "x", "--data-dir", "d", "--table", "t");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("cannot be combined"), both.err());
  }

  private static void assertSameUsersAndSignIns(LocalServer server) throws Exception {
    try (CognitoIdentityProviderClient cognito =
        LocalServerExtension.clientFor(server.endpoint(), Region.US_EAST_1)) {
      assertTrue(
          cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().schemaAttributes().stream()
              .anyMatch(a -> a.name().equals("custom:tier")),
          "the custom attribute moved with the pool");
      assertEquals(
          clientSecret,
          cognito
              .describeUserPoolClient(b -> b.userPoolId(poolId).clientId(secretClientId))
              .userPoolClient()
              .clientSecret());
      AdminGetUserResponse alice =
          cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice"));
      assertEquals(aliceAttributes, attributes(alice.userAttributes()));
      assertEquals(
          false, cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol")).enabled());

      // The old password, by SRP; the old refresh token; the old access token still accepted.
      AuthenticationResultType tokens = srpSignIn(cognito, "alice", PASSWORD);
      JWTClaimsSet id =
          SignInFixtures.verifyWithJwks(server.endpoint(), poolId, tokens.idToken(), "id");
      assertEquals(aliceSub, id.getSubject());
      assertEquals(List.of("admins"), id.getStringListClaim("cognito:groups"));
      AuthenticationResultType refreshed =
          cognito
              .initiateAuth(
                  b ->
                      b.clientId(clientId)
                          .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                          .authParameters(Map.of("REFRESH_TOKEN", refreshToken)))
              .authenticationResult();
      JWTClaimsSet refreshedId =
          SignInFixtures.verifyWithJwks(server.endpoint(), poolId, refreshed.idToken(), "id");
      assertEquals(List.of("admins"), refreshedId.getStringListClaim("cognito:groups"));
      assertEquals("alice", cognito.getUser(b -> b.accessToken(oldAccessToken)).username());
      String bobHash = SignInFixtures.secretHash(clientSecret, "bob", secretClientId);
      assertNotNull(
          cognito
              .initiateAuth(
                  b ->
                      b.clientId(secretClientId)
                          .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                          .authParameters(
                              Map.of(
                                  "USERNAME", "bob", "PASSWORD", PASSWORD, "SECRET_HASH", bobHash)))
              .authenticationResult()
              .accessToken(),
          "the client secret still signs SECRET_HASH");

      // A wrong password is refused as before.
      NotAuthorizedException wrong =
          org.junit.jupiter.api.Assertions.assertThrows(
              NotAuthorizedException.class, () -> srpSignIn(cognito, "bob", "Wr0ng-Password!"));
      assertEquals("Incorrect username or password.", wrong.awsErrorDetails().errorMessage());
    }
  }

  private static AuthenticationResultType srpSignIn(
      CognitoIdentityProviderClient cognito, String username, String password) {
    SrpClient srp = SrpClient.random();
    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_SRP_AUTH)
                    .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
    Map<String, String> p = challenge.challengeParameters();
    String poolName = poolId.substring(poolId.indexOf('_') + 1);
    String userId = p.get("USER_ID_FOR_SRP");
    byte[] key = srp.key(poolName, userId, password, p.get("SALT"), p.get("SRP_B"));
    String timestamp = SrpClient.timestamp(Instant.now());
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
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                    .challengeResponses(responses))
        .authenticationResult();
  }

  private static Map<String, String> attributes(List<AttributeType> attributes) {
    Map<String, String> map = new HashMap<>();
    attributes.forEach(a -> map.put(a.name(), a.value()));
    return map;
  }

  private static LocalOptions onFolder(Path folder) {
    return new LocalOptions(
        0, folder, false, AppConfig.DEFAULT_REGION, AppConfig.DEFAULT_ACCOUNT, null);
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new StoreCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC())
            .run(args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
