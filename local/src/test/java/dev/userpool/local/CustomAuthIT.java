package dev.userpool.local;

import static dev.userpool.local.FakeLambda.arn;
import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * CUSTOM_AUTH end to end through the AWS SDK v2 client: the local server invokes
 * DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse at the Lambda Invoke
 * endpoint this test serves ({@link FakeLambda}); the functions here behave like the developer
 * guide's examples (a question, its answer kept private, three tries), and every test checks the
 * events they received.
 */
class CustomAuthIT {
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
        .createUserPool(b -> b.poolName("custom").lambdaConfig(c -> triggers.accept(c)))
        .userPool()
        .id();
  }

  private String customPool() {
    return pool(
        c ->
            c.defineAuthChallenge(arn("define"))
                .createAuthChallenge(arn("create"))
                .verifyAuthChallengeResponse(arn("verify")));
  }

  private String client(String poolId, Consumer<CreateUserPoolClientRequest.Builder> more) {
    return cognito
        .createUserPoolClient(
            b -> {
              b.userPoolId(poolId)
                  .clientName("app")
                  .explicitAuthFlows(
                      ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                      ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                      ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
              more.accept(b);
            })
        .userPoolClient()
        .clientId();
  }

  private String client(String poolId) {
    return client(poolId, b -> {});
  }

  /**
   * The guide's passwordless example: a custom challenge until one is answered right (tokens), at
   * most three tries; after SRP_A it asks for PASSWORD_VERIFIER first.
   */
  private void questionAndAnswerTriggers() {
    questionAndAnswerTriggers(lambda, "42");
  }

  /**
   * The guide-like trigger functions, served by {@code lambda}; {@code answer} is the right answer.
   */
  static void questionAndAnswerTriggers(FakeLambda lambda, String answer) {
    lambda.function(
        "define",
        event -> {
          JsonNode session = event.at("/request/session");
          ObjectNode response = event.with("response");
          JsonNode last = session.size() == 0 ? null : session.get(session.size() - 1);
          if (last != null && last.path("challengeName").asText().equals("SRP_A")) {
            response
                .put("challengeName", "PASSWORD_VERIFIER")
                .put("issueTokens", false)
                .put("failAuthentication", false);
          } else if (last != null
              && last.path("challengeName").asText().equals("CUSTOM_CHALLENGE")
              && last.path("challengeResult").asBoolean()) {
            response.put("issueTokens", true).put("failAuthentication", false);
          } else if (countCustom(session) >= 3) {
            response.put("issueTokens", false).put("failAuthentication", true);
          } else {
            response
                .put("challengeName", "CUSTOM_CHALLENGE")
                .put("issueTokens", false)
                .put("failAuthentication", false);
          }
          return FakeLambda.Answer.of(event);
        });
    lambda.respond(
        "create",
        response -> {
          response.putObject("publicChallengeParameters").put("question", "What is 6 times 7?");
          response.putObject("privateChallengeParameters").put("answer", answer);
          response.put("challengeMetadata", "QUESTION-1");
          return response;
        });
    lambda.function(
        "verify",
        event -> {
          boolean correct =
              event
                  .at("/request/privateChallengeParameters/answer")
                  .asText()
                  .equals(event.at("/request/challengeAnswer").asText());
          event.with("response").put("answerCorrect", correct);
          return FakeLambda.Answer.of(event);
        });
  }

  private static int countCustom(JsonNode session) {
    int n = 0;
    for (JsonNode round : session) {
      if (round.path("challengeName").asText().equals("CUSTOM_CHALLENGE")) {
        n++;
      }
    }
    return n;
  }

  private InitiateAuthResponse start(
      String clientId, String username, Map<String, String> clientMetadata) {
    return cognito.initiateAuth(
        b ->
            b.clientId(clientId)
                .authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", username))
                .clientMetadata(clientMetadata));
  }

  private RespondToAuthChallengeResponse answer(
      String clientId,
      String session,
      String username,
      String answer,
      Map<String, String> clientMetadata) {
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                .session(session)
                .challengeResponses(Map.of("USERNAME", username, "ANSWER", answer))
                .clientMetadata(clientMetadata));
  }

  private static List<String> rounds(JsonNode session) {
    List<String> rounds = new ArrayList<>();
    session.forEach(
        r ->
            rounds.add(
                r.path("challengeName").asText()
                    + ":"
                    + r.path("challengeResult").asBoolean()
                    + (r.path("challengeMetadata").isNull()
                        ? ""
                        : ":" + r.path("challengeMetadata").asText())));
    return rounds;
  }

  @Test
  void whenTheAnswerIsRightThenTokensAndTheTriggersSawTheCognitoEvents() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    String clientId = client(poolId);
    confirmedUser(
        cognito,
        poolId,
        "alice",
        AttributeType.builder().name("email").value("alice@example.com").build());

    InitiateAuthResponse started = start(clientId, "alice", Map.of("from", "initiate"));
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, started.challengeName());
    assertEquals(
        Map.of("question", "What is 6 times 7?", "USERNAME", "alice"),
        started.challengeParameters());
    assertNotNull(started.session());
    assertNull(started.authenticationResult());

    RespondToAuthChallengeResponse done =
        answer(clientId, started.session(), "alice", "42", Map.of("from", "answer"));
    assertNotNull(done.authenticationResult().accessToken());
    assertNotNull(done.authenticationResult().refreshToken());
    assertNull(done.challengeName());

    List<ObjectNode> defines = lambda.events("define");
    assertEquals(2, defines.size());
    ObjectNode first = defines.get(0);
    assertEquals("DefineAuthChallenge_Authentication", first.get("triggerSource").asText());
    assertEquals("1", first.get("version").asText());
    assertEquals(poolId, first.get("userPoolId").asText());
    assertEquals("alice", first.get("userName").asText());
    assertEquals(clientId, first.at("/callerContext/clientId").asText());
    assertEquals("alice@example.com", first.at("/request/userAttributes/email").asText());
    assertTrue(first.at("/request/session").isArray());
    assertEquals(0, first.at("/request/session").size());
    assertFalse(first.at("/request/userNotFound").asBoolean());
    assertTrue(
        first.at("/request/clientMetadata").isMissingNode(),
        "InitiateAuth passes no ClientMetadata to Define");
    assertEquals(
        List.of("CUSTOM_CHALLENGE:true:QUESTION-1"), rounds(defines.get(1).at("/request/session")));
    assertEquals("answer", defines.get(1).at("/request/clientMetadata/from").asText());

    ObjectNode create = lambda.lastEvent("create");
    assertEquals("CreateAuthChallenge_Authentication", create.get("triggerSource").asText());
    assertEquals("CUSTOM_CHALLENGE", create.at("/request/challengeName").asText());
    assertEquals(0, create.at("/request/session").size());
    assertFalse(create.at("/request/userNotFound").asBoolean());

    ObjectNode verify = lambda.lastEvent("verify");
    assertEquals(
        "VerifyAuthChallengeResponse_Authentication", verify.get("triggerSource").asText());
    assertEquals("42", verify.at("/request/challengeAnswer").asText());
    assertEquals("42", verify.at("/request/privateChallengeParameters/answer").asText());
    assertEquals("answer", verify.at("/request/clientMetadata/from").asText());
    assertEquals("alice", verify.get("userName").asText());
    assertEquals("alice@example.com", verify.at("/request/userAttributes/email").asText());
  }

  @Test
  void whenAnAnswerIsWrongThenANewChallengeInANewSessionAndTheThirdWrongAnswerFails() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "bob");

    String session = start(clientId, "bob", Map.of()).session();
    RespondToAuthChallengeResponse second = answer(clientId, session, "bob", "41", Map.of());
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, second.challengeName());
    assertNotEquals(session, second.session());
    assertEquals("What is 6 times 7?", second.challengeParameters().get("question"));
    assertEquals(
        List.of("CUSTOM_CHALLENGE:false:QUESTION-1"),
        rounds(lambda.lastEvent("create").at("/request/session")));

    // the answered session cannot be used again
    NotAuthorizedException replay =
        assertThrows(
            NotAuthorizedException.class, () -> answer(clientId, session, "bob", "42", Map.of()));
    assertEquals(
        "Invalid session for the user, session can only be used once.",
        replay.awsErrorDetails().errorMessage());

    RespondToAuthChallengeResponse third =
        answer(clientId, second.session(), "bob", "40", Map.of());
    NotAuthorizedException failed =
        assertThrows(
            NotAuthorizedException.class,
            () -> answer(clientId, third.session(), "bob", "39", Map.of()));
    assertEquals("Incorrect username or password.", failed.awsErrorDetails().errorMessage());
    assertEquals(
        List.of(
            "CUSTOM_CHALLENGE:false:QUESTION-1",
            "CUSTOM_CHALLENGE:false:QUESTION-1",
            "CUSTOM_CHALLENGE:false:QUESTION-1"),
        rounds(lambda.lastEvent("define").at("/request/session")));
  }

  @Test
  void whenTheFlowStartsWithSrpAThenPasswordVerifierRunsInsideTheSequence() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "carol");
    SrpClient srp = SrpClient.random();

    InitiateAuthResponse started =
        cognito.initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.CUSTOM_AUTH)
                    .authParameters(
                        Map.of(
                            "USERNAME", "carol", "CHALLENGE_NAME", "SRP_A", "SRP_A", srp.srpA())));
    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, started.challengeName());
    assertNotNull(
        started.session(), "inside a custom sequence the PASSWORD_VERIFIER step has a Session");
    assertEquals(List.of("SRP_A:true"), rounds(lambda.lastEvent("define").at("/request/session")));
    assertTrue(lambda.events("create").isEmpty(), "Create is not asked for PASSWORD_VERIFIER");

    Map<String, String> p = started.challengeParameters();
    String poolName = poolId.substring(poolId.indexOf('_') + 1);
    String timestamp = SrpClient.timestamp(Instant.now());
    byte[] key =
        srp.key(poolName, p.get("USER_ID_FOR_SRP"), PASSWORD, p.get("SALT"), p.get("SRP_B"));
    RespondToAuthChallengeResponse custom =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                    .session(started.session())
                    .challengeResponses(
                        Map.of(
                            "USERNAME",
                            p.get("USER_ID_FOR_SRP"),
                            "PASSWORD_CLAIM_SECRET_BLOCK",
                            p.get("SECRET_BLOCK"),
                            "TIMESTAMP",
                            timestamp,
                            "PASSWORD_CLAIM_SIGNATURE",
                            SrpClient.signature(
                                key,
                                poolName,
                                p.get("USER_ID_FOR_SRP"),
                                p.get("SECRET_BLOCK"),
                                timestamp))));
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, custom.challengeName());
    assertEquals(
        List.of("SRP_A:true", "PASSWORD_VERIFIER:true"),
        rounds(lambda.lastEvent("define").at("/request/session")));
    assertEquals(
        List.of("SRP_A:true", "PASSWORD_VERIFIER:true"),
        rounds(lambda.lastEvent("create").at("/request/session")));

    RespondToAuthChallengeResponse done =
        answer(clientId, custom.session(), "carol", "42", Map.of());
    assertNotNull(done.authenticationResult().idToken());
    assertEquals(
        List.of("SRP_A:true", "PASSWORD_VERIFIER:true", "CUSTOM_CHALLENGE:true:QUESTION-1"),
        rounds(lambda.lastEvent("define").at("/request/session")));
  }

  @Test
  void whenThePasswordIsWrongInsideTheSequenceThenIncorrectUsernameOrPassword() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "dave");
    SrpClient srp = SrpClient.random();

    InitiateAuthResponse started =
        cognito.initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.CUSTOM_AUTH)
                    .authParameters(
                        Map.of(
                            "USERNAME", "dave", "CHALLENGE_NAME", "SRP_A", "SRP_A", srp.srpA())));
    Map<String, String> p = started.challengeParameters();
    String poolName = poolId.substring(poolId.indexOf('_') + 1);
    String timestamp = SrpClient.timestamp(Instant.now());
    byte[] key =
        srp.key(
            poolName, p.get("USER_ID_FOR_SRP"), "Wr0ng-Password!", p.get("SALT"), p.get("SRP_B"));
    NotAuthorizedException e =
        assertThrows(
            NotAuthorizedException.class,
            () ->
                cognito.respondToAuthChallenge(
                    b ->
                        b.clientId(clientId)
                            .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                            .session(started.session())
                            .challengeResponses(
                                Map.of(
                                    "USERNAME",
                                    "dave",
                                    "PASSWORD_CLAIM_SECRET_BLOCK",
                                    p.get("SECRET_BLOCK"),
                                    "TIMESTAMP",
                                    timestamp,
                                    "PASSWORD_CLAIM_SIGNATURE",
                                    SrpClient.signature(
                                        key,
                                        poolName,
                                        "dave",
                                        p.get("SECRET_BLOCK"),
                                        timestamp)))));
    assertEquals("Incorrect username or password.", e.awsErrorDetails().errorMessage());
    assertEquals(1, lambda.events("define").size(), "a wrong password does not go back to Define");
  }

  @Test
  void whenDefineFailsAuthenticationThenIncorrectUsernameOrPassword() {
    lambda.respond("define", r -> r.put("failAuthentication", true).put("issueTokens", false));
    String poolId = pool(c -> c.defineAuthChallenge(arn("define")));
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "erin");

    NotAuthorizedException e =
        assertThrows(NotAuthorizedException.class, () -> start(clientId, "erin", Map.of()));
    assertEquals("Incorrect username or password.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenDefineIssuesTokensAtOnceThenTokensWithoutAChallenge() {
    lambda.respond("define", r -> r.put("issueTokens", true).put("failAuthentication", false));
    String poolId = pool(c -> c.defineAuthChallenge(arn("define")));
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "frank");

    InitiateAuthResponse r = start(clientId, "frank", Map.of());
    assertNotNull(r.authenticationResult().accessToken());
    assertTrue(lambda.events("create").isEmpty());
  }

  @Test
  void whenThePoolHasNoDefineFunctionThenCustomAuthIsNotConfigured() {
    String poolId = pool(c -> {});
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "gina");

    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> start(clientId, "gina", Map.of()));
    assertEquals(
        "Custom auth lambda trigger is not configured for the user pool.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenTheClientDoesNotAllowCustomAuthThenTheFlowIsRefused() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    String clientId =
        cognito
            .createUserPoolClient(
                b ->
                    b.userPoolId(poolId)
                        .clientName("srp-only")
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH))
            .userPoolClient()
            .clientId();
    confirmedUser(cognito, poolId, "hank");

    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> start(clientId, "hank", Map.of()));
    assertEquals(
        "CUSTOM_AUTH flow not enabled for this client", e.awsErrorDetails().errorMessage());
    assertTrue(lambda.events("define").isEmpty());
  }

  @Test
  void whenDefineThrowsThenUserLambdaValidationExceptionWithItsMessage() {
    lambda.function("define", event -> FakeLambda.Answer.functionError("No custom auth today"));
    String poolId = pool(c -> c.defineAuthChallenge(arn("define")));
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "ivan");

    UserLambdaValidationException e =
        assertThrows(UserLambdaValidationException.class, () -> start(clientId, "ivan", Map.of()));
    assertEquals(
        "DefineAuthChallenge failed with error No custom auth today.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenCreateAnswersGarbageThenInvalidLambdaResponseException() {
    lambda.respond("define", r -> r.put("challengeName", "CUSTOM_CHALLENGE"));
    lambda.function("create", event -> FakeLambda.Answer.raw("[1, 2, 3]"));
    String poolId =
        pool(c -> c.defineAuthChallenge(arn("define")).createAuthChallenge(arn("create")));
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "jane");

    InvalidLambdaResponseException e =
        assertThrows(InvalidLambdaResponseException.class, () -> start(clientId, "jane", Map.of()));
    assertEquals("Unrecognizable lambda output", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenTheVerifyFunctionDoesNotExistThenUnexpectedLambdaException() {
    lambda.respond("define", r -> r.put("challengeName", "CUSTOM_CHALLENGE"));
    lambda.respond("create", r -> r.putObject("privateChallengeParameters").put("answer", "yes"));
    String poolId =
        pool(
            c ->
                c.defineAuthChallenge(arn("define"))
                    .createAuthChallenge(arn("create"))
                    .verifyAuthChallengeResponse(arn("missing-verify")));
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "kim");

    String session = start(clientId, "kim", Map.of()).session();
    UnexpectedLambdaException e =
        assertThrows(
            UnexpectedLambdaException.class,
            () -> answer(clientId, session, "kim", "yes", Map.of()));
    assertEquals(
        "VerifyAuthChallengeResponse invocation failed due to error ResourceNotFoundException.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenDefineNeverEndsThenTheSignInFailsAfterTheRoundLimit() {
    lambda.respond("define", r -> r.put("challengeName", "CUSTOM_CHALLENGE"));
    lambda.respond("create", r -> r.putObject("privateChallengeParameters").put("answer", "yes"));
    lambda.respond("verify", r -> r.put("answerCorrect", false));
    String poolId = customPool();
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "lou");

    String session = start(clientId, "lou", Map.of()).session();
    int answered = 0;
    NotAuthorizedException end = null;
    while (end == null && answered < 20) {
      try {
        session = answer(clientId, session, "lou", "no", Map.of()).session();
        answered++;
      } catch (NotAuthorizedException e) {
        end = e;
      }
    }
    assertNotNull(end, "the sequence must end");
    assertEquals("Incorrect username or password.", end.awsErrorDetails().errorMessage());
    assertEquals(7, answered, "eight rounds at most: the eighth answer ends it");
  }

  @Test
  void
      whenTheUserIsUnknownAndExistenceIsHiddenThenTheTriggersSeeUserNotFoundAndNoTokensAreIssued() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    String clientId =
        client(poolId, b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));

    InitiateAuthResponse started = start(clientId, "nobody", Map.of());
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, started.challengeName());
    assertEquals("nobody", started.challengeParameters().get("USERNAME"));
    ObjectNode define = lambda.lastEvent("define");
    assertTrue(define.at("/request/userNotFound").asBoolean());
    assertEquals("nobody", define.get("userName").asText());
    assertEquals(0, define.at("/request/userAttributes").size());

    NotAuthorizedException e =
        assertThrows(
            NotAuthorizedException.class,
            () -> answer(clientId, started.session(), "nobody", "42", Map.of()));
    assertEquals("Incorrect username or password.", e.awsErrorDetails().errorMessage());
    assertTrue(lambda.lastEvent("verify").at("/request/userNotFound").asBoolean());
  }

  @Test
  void whenTheUserIsUnknownWithLegacyErrorsThenUserNotFoundException() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    String clientId = client(poolId);

    UserNotFoundException e =
        assertThrows(UserNotFoundException.class, () -> start(clientId, "nobody", Map.of()));
    assertEquals("User does not exist.", e.awsErrorDetails().errorMessage());
    assertTrue(lambda.events("define").isEmpty());
  }

  @Test
  void whenAnAdminRunsCustomAuthThenAdminRespondToAuthChallengeIssuesTokens() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    String clientId = client(poolId);
    confirmedUser(cognito, poolId, "mia");

    AdminInitiateAuthResponse started =
        cognito.adminInitiateAuth(
            b ->
                b.userPoolId(poolId)
                    .clientId(clientId)
                    .authFlow(AuthFlowType.CUSTOM_AUTH)
                    .authParameters(Map.of("USERNAME", "mia")));
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, started.challengeName());
    AdminRespondToAuthChallengeResponse done =
        cognito.adminRespondToAuthChallenge(
            b ->
                b.userPoolId(poolId)
                    .clientId(clientId)
                    .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                    .session(started.session())
                    .challengeResponses(Map.of("USERNAME", "mia", "ANSWER", "42")));
    assertNotNull(done.authenticationResult().accessToken());
  }

  @Test
  void whenAClientWithASecretAnswersThenSecretHashIsChecked() {
    questionAndAnswerTriggers();
    String poolId = customPool();
    var created =
        cognito
            .createUserPoolClient(
                b ->
                    b.userPoolId(poolId)
                        .clientName("secret")
                        .generateSecret(true)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH))
            .userPoolClient();
    confirmedUser(cognito, poolId, "ned");
    String hash = SignInFixtures.secretHash(created.clientSecret(), "ned", created.clientId());

    InitiateAuthResponse started =
        cognito.initiateAuth(
            b ->
                b.clientId(created.clientId())
                    .authFlow(AuthFlowType.CUSTOM_AUTH)
                    .authParameters(Map.of("USERNAME", "ned", "SECRET_HASH", hash)));
    NotAuthorizedException missing =
        assertThrows(
            NotAuthorizedException.class,
            () -> answer(created.clientId(), started.session(), "ned", "42", Map.of()));
    assertEquals(
        "Client "
            + created.clientId()
            + " is configured with secret but SECRET_HASH was not received",
        missing.awsErrorDetails().errorMessage());
  }
}
