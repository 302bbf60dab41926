package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureUnavailableInTierException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/**
 * USER_AUTH (choice-based sign-in) through the SDK v2 client: SELECT_CHALLENGE with
 * AvailableChallenges, PASSWORD, PASSWORD_SRP and EMAIL_OTP / SMS_OTP first factors with codes read
 * from the local outbox, GetUserAuthFactors, and the pool's AllowedFirstAuthFactors and feature
 * plan.
 */
class UserAuthIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private String passwordlessPool() {
    return SignInFixtures.pool(
        cognito,
        b ->
            b.policies(
                p ->
                    p.signInPolicy(
                        s ->
                            s.allowedFirstAuthFactors(
                                AuthFactorType.PASSWORD,
                                AuthFactorType.EMAIL_OTP,
                                AuthFactorType.SMS_OTP))));
  }

  private String userAuthClient(String poolId) {
    return SignInFixtures.client(
            cognito,
            poolId,
            b ->
                b.explicitAuthFlows(
                    ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                    ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
        .clientId();
  }

  private void verifiedUser(String poolId, String username) {
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        username,
        AttributeType.builder().name("email").value(username + "@example.com").build(),
        AttributeType.builder().name("email_verified").value("true").build(),
        AttributeType.builder().name("phone_number").value("+15555550123").build(),
        AttributeType.builder().name("phone_number_verified").value("true").build());
  }

  private InitiateAuthResponse userAuth(String clientId, Map<String, String> parameters) {
    return cognito.initiateAuth(
        b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH).authParameters(parameters));
  }

  @Test
  void whenNoChallengeIsPreferredThenSelectChallengeListsWhatTheUserCanUseAndEmailOtpSignsIn()
      throws Exception {
    String poolId = passwordlessPool();
    String clientId = userAuthClient(poolId);
    verifiedUser(poolId, "una");

    InitiateAuthResponse select = userAuth(clientId, Map.of("USERNAME", "una"));

    assertEquals(ChallengeNameType.SELECT_CHALLENGE, select.challengeName());
    assertNotNull(select.session());
    assertEquals(
        List.of(
            ChallengeNameType.PASSWORD,
            ChallengeNameType.PASSWORD_SRP,
            ChallengeNameType.EMAIL_OTP,
            ChallengeNameType.SMS_OTP),
        select.availableChallenges());
    RespondToAuthChallengeResponse otp =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.SELECT_CHALLENGE)
                    .session(select.session())
                    .challengeResponses(Map.of("USERNAME", "una", "ANSWER", "EMAIL_OTP")));
    assertEquals(ChallengeNameType.EMAIL_OTP, otp.challengeName());
    assertEquals("EMAIL", otp.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals("u***@e***", otp.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
    List<JsonNode> messages = server.messages(poolId, "una");
    JsonNode sent = messages.get(messages.size() - 1);
    assertEquals("CustomMessage_Authentication", sent.get("triggerSource").asText());
    assertEquals("una@example.com", sent.get("destination").asText());

    RespondToAuthChallengeResponse tokens =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.EMAIL_OTP)
                    .session(otp.session())
                    .challengeResponses(
                        Map.of("USERNAME", "una", "EMAIL_OTP_CODE", sent.get("code").asText())));

    assertNotNull(tokens.authenticationResult().accessToken());
    assertNotNull(tokens.authenticationResult().refreshToken());
    assertEquals(
        "una",
        cognito
            .getUser(b -> b.accessToken(tokens.authenticationResult().accessToken()))
            .username());
  }

  @Test
  void whenSmsOtpIsPreferredThenTheCodeGoesByTextAndAWrongCodeIsRefused() throws Exception {
    String poolId = passwordlessPool();
    String clientId = userAuthClient(poolId);
    verifiedUser(poolId, "una");

    InitiateAuthResponse otp =
        userAuth(clientId, Map.of("USERNAME", "una", "PREFERRED_CHALLENGE", "SMS_OTP"));

    assertEquals(ChallengeNameType.SMS_OTP, otp.challengeName());
    assertEquals("SMS", otp.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals("+*******0123", otp.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
    String code = server.lastCode(poolId, "una");
    String wrong = code.equals("000000") ? "111111" : "000000";
    Expect.error(
        CodeMismatchException.class,
        "Invalid code or auth state for the user.",
        () ->
            cognito.respondToAuthChallenge(
                b ->
                    b.clientId(clientId)
                        .challengeName(ChallengeNameType.SMS_OTP)
                        .session(otp.session())
                        .challengeResponses(Map.of("USERNAME", "una", "SMS_OTP_CODE", wrong))));

    InitiateAuthResponse again =
        userAuth(clientId, Map.of("USERNAME", "una", "PREFERRED_CHALLENGE", "SMS_OTP"));
    String fresh = server.lastCode(poolId, "una");
    assertNotNull(
        cognito
            .respondToAuthChallenge(
                b ->
                    b.clientId(clientId)
                        .challengeName(ChallengeNameType.SMS_OTP)
                        .session(again.session())
                        .challengeResponses(Map.of("USERNAME", "una", "SMS_OTP_CODE", fresh)))
            .authenticationResult());
    // a used code does not sign in again
    InitiateAuthResponse third =
        userAuth(clientId, Map.of("USERNAME", "una", "PREFERRED_CHALLENGE", "SMS_OTP"));
    if (!server.lastCode(poolId, "una").equals(fresh)) {
      Expect.error(
          CodeMismatchException.class,
          "Invalid code",
          () ->
              cognito.respondToAuthChallenge(
                  b ->
                      b.clientId(clientId)
                          .challengeName(ChallengeNameType.SMS_OTP)
                          .session(third.session())
                          .challengeResponses(Map.of("USERNAME", "una", "SMS_OTP_CODE", fresh))));
    }
  }

  @Test
  void whenPasswordIsPreferredThenItSignsInDirectlyAndAWrongOneIsRefused() {
    String poolId = passwordlessPool();
    String clientId = userAuthClient(poolId);
    verifiedUser(poolId, "una");

    InitiateAuthResponse signedIn =
        userAuth(
            clientId,
            Map.of("USERNAME", "una", "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD));

    assertNull(signedIn.challengeName());
    assertNotNull(signedIn.authenticationResult().idToken());
    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () ->
            userAuth(
                clientId,
                Map.of(
                    "USERNAME",
                    "una",
                    "PREFERRED_CHALLENGE",
                    "PASSWORD",
                    "PASSWORD",
                    "Wr0ng-Password!")));
  }

  @Test
  void whenPasswordSrpIsChosenThenPasswordVerifierFollowsAndSignsIn() throws Exception {
    String poolId = passwordlessPool();
    String clientId = userAuthClient(poolId);
    verifiedUser(poolId, "una");
    SrpClient srp = SrpClient.random();

    InitiateAuthResponse select = userAuth(clientId, Map.of("USERNAME", "una"));
    RespondToAuthChallengeResponse verifier =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.SELECT_CHALLENGE)
                    .session(select.session())
                    .challengeResponses(
                        Map.of("USERNAME", "una", "ANSWER", "PASSWORD_SRP", "SRP_A", srp.srpA())));

    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, verifier.challengeName());
    Map<String, String> p = verifier.challengeParameters();
    String poolName = poolId.substring(poolId.indexOf('_') + 1);
    String userId = p.get("USER_ID_FOR_SRP");
    byte[] key = srp.key(poolName, userId, PASSWORD, p.get("SALT"), p.get("SRP_B"));
    String timestamp = SrpClient.timestamp(java.time.Instant.now());
    Map<String, String> answer =
        Map.of(
            "USERNAME",
            userId,
            "PASSWORD_CLAIM_SECRET_BLOCK",
            p.get("SECRET_BLOCK"),
            "TIMESTAMP",
            timestamp,
            "PASSWORD_CLAIM_SIGNATURE",
            SrpClient.signature(key, poolName, userId, p.get("SECRET_BLOCK"), timestamp));
    RespondToAuthChallengeResponse tokens =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                    .challengeResponses(answer));
    assertNotNull(tokens.authenticationResult().accessToken());
  }

  @Test
  void whenThePoolAllowsOnlyPasswordsOrTheUserHasNoVerifiedChannelThenNoOtpIsOffered() {
    String passwordOnly = SignInFixtures.pool(cognito);
    String clientId = userAuthClient(passwordOnly);
    verifiedUser(passwordOnly, "una");

    InitiateAuthResponse select =
        userAuth(clientId, Map.of("USERNAME", "una", "PREFERRED_CHALLENGE", "EMAIL_OTP"));

    assertEquals(ChallengeNameType.SELECT_CHALLENGE, select.challengeName());
    assertEquals(
        List.of(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP),
        select.availableChallenges());
    Expect.error(
        InvalidParameterException.class,
        "EMAIL_OTP is not available",
        () ->
            cognito.respondToAuthChallenge(
                b ->
                    b.clientId(clientId)
                        .challengeName(ChallengeNameType.SELECT_CHALLENGE)
                        .session(select.session())
                        .challengeResponses(Map.of("USERNAME", "una", "ANSWER", "EMAIL_OTP"))));

    String pool = passwordlessPool();
    String client = userAuthClient(pool);
    SignInFixtures.confirmedUser(
        cognito,
        pool,
        "vic",
        AttributeType.builder().name("email").value("vic@example.com").build());
    assertEquals(
        List.of(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP),
        userAuth(client, Map.of("USERNAME", "vic")).availableChallenges());
  }

  @Test
  void whenTheClientDoesNotAllowUserAuthThenRefused() {
    String poolId = passwordlessPool();
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    verifiedUser(poolId, "una");

    Expect.error(
        InvalidParameterException.class,
        "USER_AUTH flow not enabled for this client",
        () -> userAuth(clientId, Map.of("USERNAME", "una")));
  }

  @Test
  void whenTheFeaturePlanIsLiteThenPasswordlessFactorsAreRefused() {
    Expect.error(
        FeatureUnavailableInTierException.class,
        "EMAIL_OTP",
        () ->
            SignInFixtures.pool(
                cognito,
                b ->
                    b.userPoolTier(UserPoolTierType.LITE)
                        .policies(
                            p ->
                                p.signInPolicy(
                                    s ->
                                        s.allowedFirstAuthFactors(
                                            AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP)))));
    String lite = SignInFixtures.pool(cognito, b -> b.userPoolTier(UserPoolTierType.LITE));
    Expect.error(
        FeatureUnavailableInTierException.class,
        "SMS_OTP",
        () ->
            cognito.updateUserPool(
                b ->
                    b.userPoolId(lite)
                        .userPoolTier(UserPoolTierType.LITE)
                        .policies(
                            p ->
                                p.signInPolicy(
                                    s -> s.allowedFirstAuthFactors(AuthFactorType.SMS_OTP)))));
  }

  @Test
  void whenAdminInitiateAuthUsesUserAuthThenEmailOtpWorksAndGetUserAuthFactorsListsTheFactors()
      throws Exception {
    String poolId = passwordlessPool();
    String clientId = userAuthClient(poolId);
    verifiedUser(poolId, "una");

    AdminInitiateAuthResponse otp =
        cognito.adminInitiateAuth(
            b ->
                b.userPoolId(poolId)
                    .clientId(clientId)
                    .authFlow(AuthFlowType.USER_AUTH)
                    .authParameters(Map.of("USERNAME", "una", "PREFERRED_CHALLENGE", "EMAIL_OTP")));
    assertEquals(ChallengeNameType.EMAIL_OTP, otp.challengeName());
    String code = server.lastCode(poolId, "una");
    String accessToken =
        cognito
            .adminRespondToAuthChallenge(
                b ->
                    b.userPoolId(poolId)
                        .clientId(clientId)
                        .challengeName(ChallengeNameType.EMAIL_OTP)
                        .session(otp.session())
                        .challengeResponses(Map.of("USERNAME", "una", "EMAIL_OTP_CODE", code)))
            .authenticationResult()
            .accessToken();

    assertEquals(
        List.of(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP, AuthFactorType.SMS_OTP),
        cognito.getUserAuthFactors(b -> b.accessToken(accessToken)).configuredUserAuthFactors());
    assertEquals("una", cognito.getUserAuthFactors(b -> b.accessToken(accessToken)).username());
  }
}
