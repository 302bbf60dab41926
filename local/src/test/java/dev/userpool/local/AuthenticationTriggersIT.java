package dev.userpool.local;

import static dev.userpool.local.FakeLambda.arn;
import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.client;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreTokenGenerationLambdaVersionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * The authentication triggers end to end: the real AWS SDK v2 client signs in against the local
 * server started with {@code --lambda-endpoint} at an Invoke endpoint this test serves ({@link
 * FakeLambda}); pools get their LambdaConfig through CreateUserPool/UpdateUserPool with ordinary
 * function ARNs.
 */
class AuthenticationTriggersIT {
  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort().withLambdaEndpoint(lambda.endpoint()));

  private final CognitoIdentityProviderClient cognito = server.client();

  private String pool(Consumer<LambdaConfigType.Builder> triggers) {
    return cognito
        .createUserPool(b -> b.poolName("triggers").lambdaConfig(c -> triggers.accept(c)))
        .userPool()
        .id();
  }

  private static JsonNode claims(String jwt) throws Exception {
    return FakeLambda.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static List<String> strings(JsonNode array) {
    return FakeLambda.JSON.convertValue(
        array, FakeLambda.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  private InitiateAuthResponse signIn(
      String clientId, String username, String password, Map<String, String> clientMetadata) {
    return cognito.initiateAuth(
        b ->
            b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))
                .clientMetadata(clientMetadata));
  }

  // Pre authentication

  @Test
  void whenPreAuthenticationAllowsThenTokensAndTheEventCarriesClientMetadataAsValidationData() {
    lambda.allow("preauth");
    String poolId = pool(c -> c.preAuthentication(arn("preauth")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(
        cognito,
        poolId,
        "alice",
        AttributeType.builder().name("email").value("alice@example.com").build());

    InitiateAuthResponse r = signIn(clientId, "alice", PASSWORD, Map.of("origin", "web"));

    assertNotNull(r.authenticationResult().idToken());
    ObjectNode e = lambda.lastEvent("preauth");
    assertEquals("1", e.get("version").asText());
    assertEquals("PreAuthentication_Authentication", e.get("triggerSource").asText());
    assertEquals(poolId, e.get("userPoolId").asText());
    assertEquals("us-east-1", e.get("region").asText());
    assertEquals("alice", e.get("userName").asText());
    assertEquals(clientId, e.at("/callerContext/clientId").asText());
    assertEquals("alice@example.com", e.at("/request/userAttributes/email").asText());
    assertEquals("CONFIRMED", e.at("/request/userAttributes/cognito:user_status").asText());
    assertEquals("web", e.at("/request/validationData/origin").asText());
    assertFalse(e.at("/request/userNotFound").asBoolean());
  }

  @Test
  void whenPreAuthenticationThrowsThenUserLambdaValidationExceptionWithItsMessage() {
    lambda.function("preauth", event -> FakeLambda.Answer.functionError("Not during maintenance"));
    String poolId = pool(c -> c.preAuthentication(arn("preauth")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    UserLambdaValidationException e =
        assertThrows(
            UserLambdaValidationException.class,
            () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
    assertEquals(
        "PreAuthentication failed with error Not during maintenance.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenPreAuthenticationAnswersGarbageThenInvalidLambdaResponseException() {
    lambda.function("preauth", event -> FakeLambda.Answer.raw("<html>not an event</html>"));
    String poolId = pool(c -> c.preAuthentication(arn("preauth")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    InvalidLambdaResponseException e =
        assertThrows(
            InvalidLambdaResponseException.class,
            () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
    assertEquals("Unrecognizable lambda output", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenTheFunctionDoesNotExistThenUnexpectedLambdaException() {
    String poolId = pool(c -> c.preAuthentication(arn("gone")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    UnexpectedLambdaException e =
        assertThrows(
            UnexpectedLambdaException.class,
            () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
    assertEquals(
        "PreAuthentication invocation failed due to error ResourceNotFoundException.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenTheFunctionTakesLongerThanFiveSecondsThenUnexpectedLambdaException() {
    lambda.function("slow", event -> FakeLambda.Answer.of(event).delayed(6_500));
    String poolId = pool(c -> c.preAuthentication(arn("slow")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    long start = System.nanoTime();
    UnexpectedLambdaException e =
        assertThrows(
            UnexpectedLambdaException.class,
            () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(
        "PreAuthentication invocation failed due to error Socket timeout while invoking Lambda function.",
        e.awsErrorDetails().errorMessage());
    assertTrue(millis >= 4_500 && millis < 6_400, "answered after " + millis + " ms");
  }

  @Test
  void whileOneConnectionWaitsForAFunctionThenOtherConnectionsAreAnswered() throws Exception {
    // The function answers only once the other connections were answered: no time limits, so a
    // busy machine cannot fail it, and a server that made the others wait would never finish.
    CountDownLatch othersAnswered = new CountDownLatch(1);
    lambda.function(
        "slow",
        event -> {
          try {
            othersAnswered.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return FakeLambda.Answer.of(event);
        });
    String poolId = pool(c -> c.preAuthentication(arn("slow")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    // The sign-in blocks its handler (on its connection's event loop) until the function answers
    CompletableFuture<InitiateAuthResponse> signIn =
        CompletableFuture.supplyAsync(() -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
    while (lambda.events("slow").isEmpty()) {
      Thread.sleep(10);
    }
    // ... while requests on 20 other connections are answered.
    CompletableFuture<Void> others =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 20; i++) {
                HttpResponse<String> answer = listUserPools();
                assertEquals(200, answer.statusCode(), answer.body());
              }
            });
    others.get(30, TimeUnit.SECONDS); // a TimeoutException here: the others waited for the function
    assertFalse(signIn.isDone(), "the sign-in finished before its function answered");
    othersAnswered.countDown();
    assertNotNull(signIn.get(30, TimeUnit.SECONDS).authenticationResult());
  }

  private HttpResponse<String> listUserPools() {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(server.server().endpoint() + "/"))
                  .header("Content-Type", "application/x-amz-json-1.1")
                  .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":5}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // Post authentication

  @Test
  void whenSignInSucceedsThenPostAuthenticationGetsTheEventWithoutClientMetadata() {
    lambda.allow("postauth");
    String poolId = pool(c -> c.postAuthentication(arn("postauth")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    signIn(clientId, "alice", PASSWORD, Map.of("origin", "web"));

    ObjectNode e = lambda.lastEvent("postauth");
    assertEquals("PostAuthentication_Authentication", e.get("triggerSource").asText());
    assertEquals("alice", e.get("userName").asText());
    assertFalse(e.at("/request/newDeviceUsed").asBoolean());
    assertTrue(e.at("/request/newDeviceUsed").isBoolean());
    // InitiateAuth passes ClientMetadata only to pre sign-up, pre authentication and user migration
    // (§5.7).
    assertTrue(e.at("/request/clientMetadata/origin").isMissingNode());
  }

  @Test
  void whenPostAuthenticationThrowsThenTheSignInFails() {
    lambda.function("postauth", event -> FakeLambda.Answer.functionError("audit store down"));
    String poolId = pool(c -> c.postAuthentication(arn("postauth")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    UserLambdaValidationException e =
        assertThrows(
            UserLambdaValidationException.class,
            () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
    assertEquals(
        "PostAuthentication failed with error audit store down.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenANewPasswordAnswersTheChallengeThenPostAuthAndPreTokenGetItsClientMetadata() {
    lambda.allow("postauth");
    lambda.allow("pretoken");
    String poolId =
        pool(c -> c.postAuthentication(arn("postauth")).preTokenGeneration(arn("pretoken")));
    String clientId = client(cognito, poolId).clientId();
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .temporaryPassword("Temp0rary-Pass!")
                .messageAction(MessageActionType.SUPPRESS));
    InitiateAuthResponse challenge = passwordSignIn(cognito, clientId, "bob", "Temp0rary-Pass!");
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());

    cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "bob", "NEW_PASSWORD", PASSWORD))
                .clientMetadata(Map.of("step", "new-password")));

    assertEquals(
        "new-password", lambda.lastEvent("postauth").at("/request/clientMetadata/step").asText());
    ObjectNode preToken = lambda.lastEvent("pretoken");
    assertEquals("TokenGeneration_NewPasswordChallenge", preToken.get("triggerSource").asText());
    assertEquals("new-password", preToken.at("/request/clientMetadata/step").asText());
  }

  // Pre token generation

  @Test
  void whenPreTokenV1AddsSuppressesAndOverridesGroupsThenTheIdTokenSaysSo() throws Exception {
    lambda.respond(
        "pretoken",
        response -> {
          ObjectNode details = response.putObject("claimsOverrideDetails");
          details
              .putObject("claimsToAddOrOverride")
              .put("tenant", "acme")
              .put("sub", "forged")
              .put("family_name", "Override");
          details.putArray("claimsToSuppress").add("email").add("iss");
          ObjectNode groups = details.putObject("groupOverrideDetails");
          groups.putArray("groupsToOverride").add("override-a").add("override-b");
          groups.putArray("iamRolesToOverride").add("arn:aws:iam::123456789012:role/override");
          groups.put("preferredRole", "arn:aws:iam::123456789012:role/override");
          return response;
        });
    String poolId = pool(c -> c.preTokenGeneration(arn("pretoken")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(
        cognito,
        poolId,
        "alice",
        AttributeType.builder().name("email").value("a@example.com").build(),
        AttributeType.builder().name("family_name").value("Original").build());
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("real").precedence(3));
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username("alice").groupName("real"));

    AuthenticationResultType tokens =
        passwordSignIn(cognito, clientId, "alice", PASSWORD).authenticationResult();

    ObjectNode e = lambda.lastEvent("pretoken");
    assertEquals("TokenGeneration_Authentication", e.get("triggerSource").asText());
    assertEquals("1", e.get("version").asText());
    assertEquals(List.of("real"), strings(e.at("/request/groupConfiguration/groupsToOverride")));
    JsonNode id = claims(tokens.idToken());
    assertEquals("acme", id.get("tenant").asText());
    assertEquals("Override", id.get("family_name").asText());
    assertFalse(id.has("email"));
    assertEquals(
        server.endpoint() + "/" + poolId, id.get("iss").asText(), "iss cannot be suppressed");
    assertEquals(
        e.at("/request/userAttributes/sub").asText(),
        id.get("sub").asText(),
        "sub cannot be overridden");
    assertEquals(List.of("override-a", "override-b"), strings(id.get("cognito:groups")));
    assertEquals(
        List.of("arn:aws:iam::123456789012:role/override"), strings(id.get("cognito:roles")));
    assertEquals(
        "arn:aws:iam::123456789012:role/override", id.get("cognito:preferred_role").asText());
    JsonNode access = claims(tokens.accessToken());
    assertEquals(List.of("override-a", "override-b"), strings(access.get("cognito:groups")));
    assertFalse(access.has("tenant"), "V1 answers change only the ID token's claims");
    SignInFixtures.verifyWithJwks(server.endpoint(), poolId, tokens.idToken(), "id");
  }

  @Test
  void whenPreTokenV2AddsAScopeAndClaimsThenTheAccessTokenCarriesThem() throws Exception {
    lambda.respond(
        "pretoken2",
        response -> {
          ObjectNode details = response.putObject("claimsAndScopeOverrideDetails");
          ObjectNode access = details.putObject("accessTokenGeneration");
          access
              .putObject("claimsToAddOrOverride")
              .put("plan", "gold")
              .put("seats", 5)
              .put("client_id", "forged");
          access.putArray("scopesToAdd").add("orders/read");
          ObjectNode id = details.putObject("idTokenGeneration");
          id.putObject("claimsToAddOrOverride").putObject("profile_data").put("level", 3);
          return response;
        });
    String poolId =
        pool(
            c ->
                c.preTokenGenerationConfig(
                    p ->
                        p.lambdaArn(arn("pretoken2"))
                            .lambdaVersion(PreTokenGenerationLambdaVersionType.V2_0)));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");

    AuthenticationResultType tokens =
        passwordSignIn(cognito, clientId, "alice", PASSWORD).authenticationResult();

    ObjectNode e = lambda.lastEvent("pretoken2");
    assertEquals("2", e.get("version").asText());
    assertEquals(List.of("aws.cognito.signin.user.admin"), strings(e.at("/request/scopes")));
    JsonNode access = claims(tokens.accessToken());
    assertEquals("aws.cognito.signin.user.admin orders/read", access.get("scope").asText());
    assertEquals("gold", access.get("plan").asText());
    assertEquals(5, access.get("seats").asInt());
    assertEquals(clientId, access.get("client_id").asText(), "client_id cannot be overridden");
    assertEquals(3, claims(tokens.idToken()).at("/profile_data/level").asInt());
    SignInFixtures.verifyWithJwks(server.endpoint(), poolId, tokens.accessToken(), "access");
  }

  @Test
  void whenTokensAreRefreshedThenPreTokenGenerationRunsWithTheRefreshSource() throws Exception {
    lambda.respond(
        "pretoken",
        response -> {
          response
              .putObject("claimsOverrideDetails")
              .putObject("claimsToAddOrOverride")
              .put("fresh", "yes");
          return response;
        });
    String poolId = pool(c -> c.preTokenGeneration(arn("pretoken")));
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    String refreshToken =
        passwordSignIn(cognito, clientId, "alice", PASSWORD).authenticationResult().refreshToken();

    AuthenticationResultType refreshed =
        cognito
            .initiateAuth(
                b ->
                    b.clientId(clientId)
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", refreshToken)))
            .authenticationResult();

    assertEquals(
        "TokenGeneration_RefreshTokens",
        lambda.lastEvent("pretoken").get("triggerSource").asText());
    assertEquals("yes", claims(refreshed.idToken()).get("fresh").asText());
  }

  // User migration

  private void migrateWith(String function, String finalUserStatus) {
    lambda.respond(
        function,
        response -> {
          response
              .putObject("userAttributes")
              .put("email", "carol@example.com")
              .put("email_verified", "true")
              .put("name", "Carol Legacy");
          response.put("finalUserStatus", finalUserStatus);
          response.put("messageAction", "SUPPRESS");
          return response;
        });
  }

  @Test
  void whenAnUnknownUserSignsInThenUserMigrationCreatesHerAndTheNextSignInNeedsNoTrigger()
      throws Exception {
    migrateWith("migrate", "CONFIRMED");
    String poolId = pool(c -> c.userMigration(arn("migrate")));
    String clientId = client(cognito, poolId).clientId();

    InitiateAuthResponse first =
        signIn(clientId, "carol", "Legacy-Passw0rd!", Map.of("source", "legacy-app"));

    assertNotNull(first.authenticationResult().idToken());
    ObjectNode e = lambda.lastEvent("migrate");
    assertEquals("UserMigration_Authentication", e.get("triggerSource").asText());
    assertEquals("carol", e.get("userName").asText());
    assertEquals("Legacy-Passw0rd!", e.at("/request/password").asText());
    assertEquals("legacy-app", e.at("/request/validationData/source").asText());
    var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol"));
    assertEquals(UserStatusType.CONFIRMED, user.userStatus());
    assertTrue(
        user.userAttributes()
            .contains(AttributeType.builder().name("email").value("carol@example.com").build()));
    assertEquals(
        "carol@example.com", claims(first.authenticationResult().idToken()).get("email").asText());

    passwordSignIn(cognito, clientId, "carol", "Legacy-Passw0rd!");
    assertEquals(1, lambda.events("migrate").size(), "a migrated user is found the second time");
    assertThrows(
        CognitoIdentityProviderException.class,
        () -> passwordSignIn(cognito, clientId, "carol", "Wr0ng-Passw0rd!"));
    assertEquals(1, lambda.events("migrate").size());
  }

  @Test
  void whenAnUnknownUserChoosesThePasswordFactorOfUserAuthThenUserMigrationCreatesHer() {
    migrateWith("migrate", "CONFIRMED");
    String poolId = pool(c -> c.userMigration(arn("migrate")));
    String clientId =
        client(
                cognito,
                poolId,
                b ->
                    b.explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .clientId();

    InitiateAuthResponse first =
        cognito.initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_AUTH)
                    .authParameters(
                        Map.of(
                            "USERNAME", "carol",
                            "PREFERRED_CHALLENGE", "PASSWORD",
                            "PASSWORD", "Legacy-Passw0rd!")));

    assertNotNull(first.authenticationResult().accessToken());
    ObjectNode e = lambda.lastEvent("migrate");
    assertEquals("UserMigration_Authentication", e.get("triggerSource").asText());
    assertEquals("Legacy-Passw0rd!", e.at("/request/password").asText());
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol")).userStatus());
    assertThrows(
        CognitoIdentityProviderException.class,
        () ->
            cognito.initiateAuth(
                b ->
                    b.clientId(clientId)
                        .authFlow(AuthFlowType.USER_AUTH)
                        .authParameters(
                            Map.of(
                                "USERNAME", "carol",
                                "PREFERRED_CHALLENGE", "PASSWORD",
                                "PASSWORD", "Wr0ng-Passw0rd!"))));
    assertEquals(1, lambda.events("migrate").size(), "a migrated user is found the second time");
  }

  @Test
  void whenMigratedThroughAdminUserPasswordAuthThenTheUserExistsAndSrpWorksWithThePassword()
      throws Exception {
    migrateWith("migrate", "CONFIRMED");
    String poolId = pool(c -> c.userMigration(arn("migrate")));
    String clientId = client(cognito, poolId).clientId();

    var result =
        cognito.adminInitiateAuth(
            b ->
                b.userPoolId(poolId)
                    .clientId(clientId)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "carol", "PASSWORD", "Legacy-Passw0rd!")));
    assertNotNull(result.authenticationResult().accessToken());

    SrpClient srp = SrpClient.random();
    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_SRP_AUTH)
                    .authParameters(Map.of("USERNAME", "carol", "SRP_A", srp.srpA())));
    Map<String, String> p = challenge.challengeParameters();
    String poolName = poolId.substring(poolId.indexOf('_') + 1);
    String userId = p.get("USER_ID_FOR_SRP");
    byte[] key = srp.key(poolName, userId, "Legacy-Passw0rd!", p.get("SALT"), p.get("SRP_B"));
    String timestamp = SrpClient.timestamp(java.time.Instant.now());
    var tokens =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                    .challengeResponses(
                        Map.of(
                            "USERNAME",
                            userId,
                            "PASSWORD_CLAIM_SECRET_BLOCK",
                            p.get("SECRET_BLOCK"),
                            "TIMESTAMP",
                            timestamp,
                            "PASSWORD_CLAIM_SIGNATURE",
                            SrpClient.signature(
                                key, poolName, userId, p.get("SECRET_BLOCK"), timestamp))));
    assertNotNull(tokens.authenticationResult().idToken());
    assertEquals(1, lambda.events("migrate").size());
  }

  @Test
  void whenMigrationAsksForAPasswordResetThenTheSignInAnswersPasswordResetRequired() {
    migrateWith("migrate", "RESET_REQUIRED");
    String poolId = pool(c -> c.userMigration(arn("migrate")));
    String clientId = client(cognito, poolId).clientId();

    assertThrows(
        PasswordResetRequiredException.class,
        () -> passwordSignIn(cognito, clientId, "carol", "Legacy-Passw0rd!"));
    assertEquals(
        UserStatusType.RESET_REQUIRED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol")).userStatus());
  }

  @Test
  void whenMigrationRefusesThenUserLambdaValidationException() {
    lambda.function("migrate", event -> FakeLambda.Answer.functionError("Bad password"));
    String poolId = pool(c -> c.userMigration(arn("migrate")));
    String clientId = client(cognito, poolId).clientId();

    UserLambdaValidationException e =
        assertThrows(
            UserLambdaValidationException.class,
            () -> passwordSignIn(cognito, clientId, "carol", "Legacy-Passw0rd!"));
    assertEquals(
        "UserMigration failed with error Bad password.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenTriggersAreSetByUpdateUserPoolThenTheyRun() {
    String poolId = pool(c -> {});
    String clientId = client(cognito, poolId).clientId();
    confirmedUser(cognito, poolId, "alice");
    passwordSignIn(cognito, clientId, "alice", PASSWORD);
    lambda.function("preauth", event -> FakeLambda.Answer.functionError("closed"));

    cognito.updateUserPool(
        b -> b.userPoolId(poolId).lambdaConfig(c -> c.preAuthentication(arn("preauth"))));

    assertThrows(
        UserLambdaValidationException.class,
        () -> passwordSignIn(cognito, clientId, "alice", PASSWORD));
  }
}
