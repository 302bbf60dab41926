package dev.userpool.triggers;

import static dev.userpool.triggers.TriggerFixtures.ATTRIBUTES;
import static dev.userpool.triggers.TriggerFixtures.METADATA;
import static dev.userpool.triggers.TriggerFixtures.arn;
import static dev.userpool.triggers.TriggerFixtures.context;
import static dev.userpool.triggers.TriggerFixtures.expected;
import static dev.userpool.triggers.TriggerFixtures.json;
import static dev.userpool.triggers.TriggerFixtures.pool;
import static dev.userpool.triggers.TriggerFixtures.poolWithAllTriggers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.UserPool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each trigger's event as Cognito sends it (fixtures in resources/triggers) and its answer read
 * back.
 */
class TriggersTest {
  private final RecordingInvoker invoker = new RecordingInvoker();
  private final Triggers triggers = new Triggers(invoker);
  private final UserPool pool = poolWithAllTriggers();

  @Test
  void whenPreSignUpThenEventMatchesCognitoAndAnswerIsRead() {
    invoker.answering(
        "{\"autoConfirmUser\":true,\"autoVerifyEmail\":true,\"autoVerifyPhone\":false}");
    PreSignUpResult result =
        triggers.preSignUp(
            context(pool, METADATA), TriggerSource.PRE_SIGN_UP_SIGN_UP, Map.of("captcha", "ok"));
    assertEquals(expected("pre_sign_up"), json(invoker.last().eventJson()));
    assertEquals(arn("PreSignUp"), invoker.last().functionArn());
    assertEquals(Triggers.COGNITO_TIMEOUT, invoker.last().timeout());
    assertEquals(new PreSignUpResult(true, true, false), result);
  }

  @Test
  void whenPostConfirmationThenEventMatchesCognito() {
    triggers.postConfirmation(
        context(pool, METADATA), TriggerSource.POST_CONFIRMATION_CONFIRM_SIGN_UP);
    assertEquals(expected("post_confirmation"), json(invoker.last().eventJson()));
    assertEquals(arn("PostConfirmation"), invoker.last().functionArn());
  }

  @Test
  void whenPreAuthenticationThenEventHasNullValidationDataAndNoClientMetadata() {
    triggers.preAuthentication(context(pool, null), null, false);
    assertEquals(expected("pre_authentication"), json(invoker.last().eventJson()));
  }

  @Test
  void whenPostAuthenticationThenEventCarriesNewDeviceUsed() {
    triggers.postAuthentication(context(pool, Map.of()), true);
    assertEquals(expected("post_authentication"), json(invoker.last().eventJson()));
  }

  @Test
  void whenDefineAuthChallengeThenSessionIsSentAndDecisionRead() {
    invoker.answering(
        "{\"challengeName\":\"CUSTOM_CHALLENGE\",\"issueTokens\":false,\"failAuthentication\":false}");
    Optional<DefineAuthChallengeResult> result =
        triggers.defineAuthChallenge(
            context(pool, METADATA),
            List.of(
                new ChallengeResult("SRP_A", true, null),
                new ChallengeResult("PASSWORD_VERIFIER", true, null)),
            false);
    assertEquals(expected("define_auth_challenge"), json(invoker.last().eventJson()));
    assertEquals(
        Optional.of(new DefineAuthChallengeResult("CUSTOM_CHALLENGE", false, false)), result);
  }

  @Test
  void whenCreateAuthChallengeThenParametersAreRead() {
    invoker.answering(
        "{\"publicChallengeParameters\":{\"captchaUrl\":\"url/123.jpg\"},"
            + "\"privateChallengeParameters\":{\"answer\":\"5\"},\"challengeMetadata\":\"CAPTCHA_CHALLENGE\"}");
    Optional<CreateAuthChallengeResult> result =
        triggers.createAuthChallenge(
            context(pool, null),
            "CUSTOM_CHALLENGE",
            List.of(new ChallengeResult("CUSTOM_CHALLENGE", false, "CAPTCHA")),
            false);
    assertEquals(expected("create_auth_challenge"), json(invoker.last().eventJson()));
    assertEquals(
        Optional.of(
            new CreateAuthChallengeResult(
                Map.of("captchaUrl", "url/123.jpg"), Map.of("answer", "5"), "CAPTCHA_CHALLENGE")),
        result);
  }

  @Test
  void whenVerifyAuthChallengeResponseThenAnswerCorrectIsRead() {
    invoker.answering("{\"answerCorrect\":true}");
    Optional<Boolean> correct =
        triggers.verifyAuthChallengeResponse(
            context(pool, METADATA), Map.of("answer", "7"), "7", false);
    assertEquals(expected("verify_auth_challenge_response"), json(invoker.last().eventJson()));
    assertEquals(Optional.of(true), correct);
  }

  @Test
  void whenPreTokenGenerationV1ThenGroupsAreSentAndClaimOverridesRead() {
    invoker.answering(
        "{\"claimsOverrideDetails\":{\"claimsToAddOrOverride\":{\"custom:tier\":\"gold\"},"
            + "\"claimsToSuppress\":[\"email\"],\"groupOverrideDetails\":{\"groupsToOverride\":[\"staff\"],"
            + "\"iamRolesToOverride\":[],\"preferredRole\":null}}}");
    TokenOverrides result =
        triggers.preTokenGeneration(
            context(pool, null),
            TriggerSource.TOKEN_GENERATION_AUTHENTICATION,
            new Groups(
                List.of("admins", "staff"),
                List.of("arn:aws:iam::123456789012:role/admins"),
                "arn:aws:iam::123456789012:role/admins"),
            List.of("openid"));
    assertEquals(expected("pre_token_generation_v1"), json(invoker.last().eventJson()));
    assertEquals(Map.of("custom:tier", "gold"), result.idClaimsToAddOrOverride());
    assertEquals(List.of("email"), result.idClaimsToSuppress());
    assertEquals(new Groups(List.of("staff"), List.of(), null), result.groupOverride());
    assertTrue(result.accessClaimsToAddOrOverride().isEmpty());
  }

  @Test
  void whenPreTokenGenerationConfigSaysV2ThenV2EventIsSentToItsArnAndAnyClaimTypeIsRead() {
    UserPool v2 =
        pool(
            Map.of(
                "PreTokenGeneration",
                arn("Old"),
                "PreTokenGenerationConfig",
                Map.of("LambdaVersion", "V2_0", "LambdaArn", arn("PreTokenV2"))));
    invoker.answering(
        "{\"claimsAndScopeOverrideDetails\":{"
            + "\"idTokenGeneration\":{\"claimsToAddOrOverride\":{\"tenant\":\"t1\",\"level\":3},"
            + "\"claimsToSuppress\":[\"email\"]},"
            + "\"accessTokenGeneration\":{\"claimsToAddOrOverride\":{\"roles\":[\"a\",\"b\"],\"beta\":true},"
            + "\"claimsToSuppress\":[\"username\"],\"scopesToAdd\":[\"api/read\"],\"scopesToSuppress\":[\"openid\"]},"
            + "\"groupOverrideDetails\":null}}");
    TokenOverrides result =
        triggers.preTokenGeneration(
            context(v2, METADATA),
            TriggerSource.TOKEN_GENERATION_REFRESH_TOKENS,
            null,
            List.of("aws.cognito.signin.user.admin", "openid"));
    assertEquals(arn("PreTokenV2"), invoker.last().functionArn());
    assertEquals(expected("pre_token_generation_v2"), json(invoker.last().eventJson()));
    assertEquals(Map.of("tenant", "t1", "level", 3), result.idClaimsToAddOrOverride());
    assertEquals(
        Map.of("roles", List.of("a", "b"), "beta", true), result.accessClaimsToAddOrOverride());
    assertEquals(List.of("username"), result.accessClaimsToSuppress());
    assertEquals(List.of("api/read"), result.scopesToAdd());
    assertEquals(List.of("openid"), result.scopesToSuppress());
    assertNull(result.groupOverride());
  }

  @Test
  void whenPreTokenGenerationConfigSaysV1ThenItsArnGetsTheV1Event() {
    UserPool v1 =
        pool(
            Map.of(
                "PreTokenGenerationConfig",
                Map.of("LambdaVersion", "V1_0", "LambdaArn", arn("P1"))));
    triggers.preTokenGeneration(
        context(v1, null), TriggerSource.TOKEN_GENERATION_AUTHENTICATION, null, List.of());
    assertEquals(arn("P1"), invoker.last().functionArn());
    assertEquals("1", json(invoker.last().eventJson()).get("version").asText());
    assertFalse(json(invoker.last().eventJson()).get("request").has("scopes"));
  }

  @Test
  void whenPreTokenGenerationAnswersNothingThenNoOverrides() {
    assertEquals(
        TokenOverrides.NONE,
        triggers.preTokenGeneration(
            context(pool, null), TriggerSource.TOKEN_GENERATION_AUTHENTICATION, null, List.of()));
  }

  @Test
  void whenUserMigrationThenTypedNameAndPasswordAreSentAndUserIsRead() {
    invoker.answering(
        "{\"userAttributes\":{\"email\":\"jane@example.com\",\"email_verified\":\"true\"},"
            + "\"finalUserStatus\":\"CONFIRMED\",\"messageAction\":\"SUPPRESS\","
            + "\"desiredDeliveryMediums\":[\"EMAIL\"],\"forceAliasCreation\":false}");
    TriggerContext typed = new TriggerContext(pool, "client1example", "jane", Map.of(), METADATA);
    Optional<UserMigrationResult> result =
        triggers.userMigration(
            typed, TriggerSource.USER_MIGRATION_AUTHENTICATION, "Old-passw0rd", null);
    assertEquals(expected("user_migration"), json(invoker.last().eventJson()));
    assertEquals(
        Optional.of(
            new UserMigrationResult(
                Map.of("email", "jane@example.com", "email_verified", "true"),
                "CONFIRMED",
                "SUPPRESS",
                List.of("EMAIL"),
                false)),
        result);
  }

  @Test
  void whenUserMigrationForForgotPasswordThenNoPasswordMember() {
    triggers.userMigration(
        new TriggerContext(pool, "c", "jane", Map.of(), null),
        TriggerSource.USER_MIGRATION_FORGOT_PASSWORD,
        null,
        null);
    var request = json(invoker.last().eventJson()).get("request");
    assertFalse(request.has("password"));
    assertEquals(
        "UserMigration_ForgotPassword",
        json(invoker.last().eventJson()).get("triggerSource").asText());
  }

  @Test
  void whenCustomMessageForInvitationThenBothPlaceholdersAreSentAndTextsRead() {
    invoker.answering(
        "{\"smsMessage\":\"Hi {username}, code {####}\",\"emailMessage\":\"<p>{username} {####}</p>\","
            + "\"emailSubject\":\"Welcome\"}");
    TriggerContext c =
        new TriggerContext(
            pool,
            "client1example",
            "jane",
            Map.of("email", "jane@example.com", "email_verified", "true"),
            METADATA);
    CustomMessageResult result =
        triggers.customMessage(c, TriggerSource.CUSTOM_MESSAGE_ADMIN_CREATE_USER);
    assertEquals(expected("custom_message_admin_create_user"), json(invoker.last().eventJson()));
    assertEquals(
        new CustomMessageResult(
            "Hi {username}, code {####}", "<p>{username} {####}</p>", "Welcome"),
        result);
  }

  @Test
  void whenCustomMessageForSignUpThenUsernameParameterIsNullAndAbsentTextsStayNull() {
    invoker.answering("{\"emailSubject\":\"Only a subject\"}");
    CustomMessageResult result =
        triggers.customMessage(context(pool, null), TriggerSource.CUSTOM_MESSAGE_SIGN_UP);
    var request = json(invoker.last().eventJson()).get("request");
    assertTrue(request.get("usernameParameter").isNull());
    assertEquals("{####}", request.get("codeParameter").asText());
    assertEquals(new CustomMessageResult(null, null, "Only a subject"), result);
  }

  @Test
  void whenNoTriggerIsConfiguredThenNothingIsInvokedAndEachMethodPassesThrough() {
    UserPool none = pool(Map.of());
    TriggerContext c = context(none, METADATA);
    assertEquals(
        PreSignUpResult.NONE, triggers.preSignUp(c, TriggerSource.PRE_SIGN_UP_SIGN_UP, null));
    triggers.postConfirmation(c, TriggerSource.POST_CONFIRMATION_CONFIRM_FORGOT_PASSWORD);
    triggers.preAuthentication(c, null, false);
    triggers.postAuthentication(c, false);
    assertEquals(Optional.empty(), triggers.defineAuthChallenge(c, List.of(), false));
    assertEquals(
        Optional.empty(), triggers.createAuthChallenge(c, "CUSTOM_CHALLENGE", List.of(), false));
    assertEquals(Optional.empty(), triggers.verifyAuthChallengeResponse(c, Map.of(), "x", false));
    assertEquals(
        TokenOverrides.NONE,
        triggers.preTokenGeneration(
            c, TriggerSource.TOKEN_GENERATION_HOSTED_AUTH, null, List.of()));
    assertEquals(
        Optional.empty(),
        triggers.userMigration(c, TriggerSource.USER_MIGRATION_AUTHENTICATION, "p", null));
    assertEquals(
        CustomMessageResult.NONE,
        triggers.customMessage(c, TriggerSource.CUSTOM_MESSAGE_RESEND_CODE));
    assertTrue(invoker.calls.isEmpty());
    for (Trigger t : Trigger.values()) {
      assertFalse(triggers.isConfigured(none, t), t.name());
    }
  }

  @Test
  void whenPoolHasNoCustomMessageThenTheDeploymentDefaultIsInvoked() {
    Triggers withDefault = new Triggers(invoker, Triggers.COGNITO_TIMEOUT, arn("DefaultMessages"));
    withDefault.customMessage(
        context(pool(Map.of()), null), TriggerSource.CUSTOM_MESSAGE_FORGOT_PASSWORD);
    assertEquals(arn("DefaultMessages"), invoker.last().functionArn());
    withDefault.customMessage(context(pool, null), TriggerSource.CUSTOM_MESSAGE_FORGOT_PASSWORD);
    assertEquals(arn("CustomMessage"), invoker.last().functionArn());
  }

  @Test
  void whenCallerIsUnknownThenCallerContextHasCognitosPlaceholders() {
    triggers.postConfirmation(
        new TriggerContext(pool, null, "jane", ATTRIBUTES, null),
        TriggerSource.POST_CONFIRMATION_CONFIRM_SIGN_UP);
    var caller = json(invoker.last().eventJson()).get("callerContext");
    assertEquals(TriggerContext.NO_CLIENT, caller.get("clientId").asText());
    assertEquals(TriggerContext.UNKNOWN_SDK, caller.get("awsSdkVersion").asText());
  }

  @Test
  void whenSourceBelongsToAnotherTriggerThenProgrammingError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> triggers.preSignUp(context(pool, null), TriggerSource.CUSTOM_MESSAGE_SIGN_UP, null));
  }
}
