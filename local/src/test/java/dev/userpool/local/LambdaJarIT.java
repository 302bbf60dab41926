package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.testing.MotoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The shaded Lambda jar itself, not the module's class path: a child JVM runs {@link LambdaJarHost}
 * with only that jar, on DynamoDB (moto) through the Enhanced client, and the real SDK client
 * drives the paths whose libraries the jar's shade filters trim — token signing and the JWKS, a
 * passkey registered and used (webauthn4j, Jackson CBOR), a custom email sender's code encrypted
 * with the AWS Encryption SDK under KMS (commons-lang3, BouncyCastle ASN.1) and the Cognito trigger
 * events. A class the filters dropped but these paths need fails here with NoClassDefFoundError in
 * the child's output.
 */
class LambdaJarIT {
  private static final Path LAMBDA_JAR =
      Path.of("..", "functions", "target", "userpool-functions-lambda.jar");
  private static final String ORIGIN = "https://app.example.com";

  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  /** A failed test shows what the child printed (stack traces of failed invocations). */
  @RegisterExtension
  static final TestWatcher CHILD_OUTPUT =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          System.out.println(childOutput());
        }
      };

  private static Process host;
  private static Path log;
  private static String endpoint;
  private static CognitoIdentityProviderClient cognito;
  private static KmsClient kms;
  private static String keyArn;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(Files.isRegularFile(LAMBDA_JAR), LAMBDA_JAR.toAbsolutePath() + " missing");
    String table = MotoServer.uniqueTableName(LambdaJarIT.class);
    DynamoDbItemTable.createTable(MotoServer.dynamoDbClient(), table);
    kms =
        KmsClient.builder()
            .endpointOverride(MotoServer.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    keyArn = kms.createKey(b -> b.description("LambdaJarIT sender codes")).keyMetadata().arn();

    // Only the host class beside the jar: nothing else of the test class path reaches the child.
    Path classes = Files.createTempDirectory("lambda-jar-host");
    Path hostClass = classes.resolve("dev/userpool/local/LambdaJarHost.class");
    Files.createDirectories(hostClass.getParent());
    Files.copy(
        Path.of(LambdaJarHost.class.getResource("LambdaJarHost.class").toURI()),
        hostClass,
        StandardCopyOption.REPLACE_EXISTING);
    log = Files.createTempFile("lambda-jar-it", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            classes + java.io.File.pathSeparator + LAMBDA_JAR.toAbsolutePath().normalize(),
            LambdaJarHost.class.getName(),
            MotoServer.endpoint().toString(),
            table,
            MotoServer.endpoint().toString(),
            lambda.endpoint());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("USERPOOL_") || k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "test"); // the default credential chain, as in Lambda
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    builder.redirectErrorStream(true);
    host = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
    String line;
    List<String> seen = new ArrayList<>();
    while ((line = out.readLine()) != null && !line.startsWith("port=")) {
      seen.add(line);
    }
    assertTrue(line != null, "the host did not start:\n" + String.join("\n", seen));
    endpoint = "http://127.0.0.1:" + line.substring("port=".length());
    Thread copier = new Thread(() -> copy(out)); // keeps the child's output for failure messages
    copier.setDaemon(true);
    copier.start();
    cognito = LocalServerExtension.clientFor(endpoint, Region.US_EAST_1);
  }

  private static void copy(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
      }
    } catch (java.io.IOException e) {
      // the child ended
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (host != null) {
      host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (kms != null) {
      kms.close();
    }
  }

  private static String childOutput() {
    try {
      return "\nchild output:\n" + Files.readString(log);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void passwordSignInSignsTokensThatVerifyAgainstTheServedJwks() throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "ann");

    String accessToken =
        SignInFixtures.passwordSignIn(cognito, clientId, "ann", PASSWORD)
            .authenticationResult()
            .accessToken();

    JWTClaimsSet claims = SignInFixtures.verifyWithJwks(endpoint, poolId, accessToken, "access");
    assertEquals("ann", claims.getStringClaim("username"), childOutput());
    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.describeUserPool(b -> b.userPoolId("us-east-1_Missing00")));
  }

  @Test
  void aPasskeyRegistersAndSignsIn() {
    String poolId =
        PasskeyFixtures.pool(cognito, AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);
    PasskeyFixtures.relyingParty(cognito, poolId, "example.com");
    String clientId = PasskeyFixtures.userAuthClient(cognito, poolId);
    String accessToken = PasskeyFixtures.signedInUser(cognito, poolId, clientId, "pia");
    PasskeyFixtures.Registered registered = PasskeyFixtures.register(cognito, accessToken, ORIGIN);

    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_AUTH)
                    .authParameters(Map.of("USERNAME", "pia", "PREFERRED_CHALLENGE", "WEB_AUTHN")));
    assertEquals(ChallengeNameType.WEB_AUTHN, challenge.challengeName(), childOutput());
    JsonNode request =
        WebAuthnJson.read(challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"));
    String signedIn =
        cognito
            .respondToAuthChallenge(
                b ->
                    b.clientId(clientId)
                        .challengeName(ChallengeNameType.WEB_AUTHN)
                        .session(challenge.session())
                        .challengeResponses(
                            Map.of(
                                "USERNAME",
                                "pia",
                                "CREDENTIAL",
                                registered
                                    .passkey()
                                    .assertion(request, ORIGIN, registered.userHandle())
                                    .toString())))
            .authenticationResult()
            .accessToken();
    assertEquals("pia", cognito.getUser(b -> b.accessToken(signedIn)).username());
  }

  @Test
  void aCustomEmailSenderGetsAnEncryptedCodeThatConfirmsTheSignUp() {
    lambda.allow("email-sender");
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .lambdaConfig(
                        c ->
                            c.kmsKeyID(keyArn)
                                .customEmailSender(
                                    s ->
                                        s.lambdaVersion("V1_0")
                                            .lambdaArn(FakeLambda.arn("email-sender")))));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    cognito.signUp(
        b ->
            b.clientId(clientId)
                .username("jo")
                .password(PASSWORD)
                .userAttributes(
                    AttributeType.builder().name("email").value("jo@example.com").build()));

    ObjectNode event = lambda.lastEvent("email-sender");
    assertEquals("CustomEmailSender_SignUp", event.path("triggerSource").asText(), childOutput());
    AwsCrypto crypto =
        AwsCrypto.builder()
            .withCommitmentPolicy(CommitmentPolicy.RequireEncryptAllowDecrypt)
            .build();
    KmsMasterKeyProvider provider =
        KmsMasterKeyProvider.builder().customRegionalClientSupplier(r -> kms).buildStrict(keyArn);
    String code =
        new String(
            crypto
                .decryptData(
                    provider,
                    Base64.getDecoder().decode(event.path("request").path("code").asText()))
                .getResult(),
            StandardCharsets.UTF_8);
    assertTrue(code.matches("\\d{6}"), code);

    cognito.confirmSignUp(b -> b.clientId(clientId).username("jo").confirmationCode(code));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("jo")).userStatus());
  }
}
