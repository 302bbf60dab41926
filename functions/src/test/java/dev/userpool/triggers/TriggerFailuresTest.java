package dev.userpool.triggers;

import static dev.userpool.triggers.TriggerFixtures.context;
import static dev.userpool.triggers.TriggerFixtures.poolWithAllTriggers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cognito's errors for failing triggers (sources §5.6, Appendix A). */
class TriggerFailuresTest {
  private final RecordingInvoker invoker = new RecordingInvoker();
  private final Triggers triggers = new Triggers(invoker);
  private final TriggerContext c = context(poolWithAllTriggers(), null);

  @Test
  void whenFunctionThrowsThenUserLambdaValidationWithItsMessage() {
    invoker.failing(TriggerFailure.functionError("Invalid email domain"));
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> triggers.preSignUp(c, TriggerSource.PRE_SIGN_UP_SIGN_UP, null));
    assertEquals(ErrorCode.USER_LAMBDA_VALIDATION, e.code());
    assertEquals("PreSignUp failed with error Invalid email domain.", e.getMessage());
  }

  @Test
  void whenFunctionMessageEndsWithPeriodThenCognitoStillAddsOne() {
    invoker.failing(TriggerFailure.functionError("No Auth."));
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () ->
                triggers.preTokenGeneration(
                    c, TriggerSource.TOKEN_GENERATION_AUTHENTICATION, null, List.of()));
    assertEquals("PreTokenGeneration failed with error No Auth..", e.getMessage());
  }

  @Test
  void whenFunctionIsNotInvokableThenUnexpectedLambdaWithTheErrorCode() {
    invoker.failing(TriggerFailure.notInvokable("AccessDeniedException"));
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> triggers.customMessage(c, TriggerSource.CUSTOM_MESSAGE_SIGN_UP));
    assertEquals(ErrorCode.UNEXPECTED_LAMBDA, e.code());
    assertEquals(
        "CustomMessage invocation failed due to error AccessDeniedException.", e.getMessage());
  }

  @Test
  void whenFunctionTimesOutThenUnexpectedLambdaSocketTimeout() {
    invoker.failing(TriggerFailure.notInvokable(TriggerFailure.SOCKET_TIMEOUT));
    CognitoException e =
        assertThrows(CognitoException.class, () -> triggers.postAuthentication(c, false));
    assertEquals(
        "PostAuthentication invocation failed due to error Socket timeout while invoking Lambda function.",
        e.getMessage());
  }

  @Test
  void everyTriggerUsesItsCognitoNameInMessages() {
    Map<Trigger, Runnable> calls =
        new java.util.HashMap<>(
            Map.of(
                Trigger.PRE_SIGN_UP,
                    () -> triggers.preSignUp(c, TriggerSource.PRE_SIGN_UP_ADMIN_CREATE_USER, null),
                Trigger.POST_CONFIRMATION,
                    () ->
                        triggers.postConfirmation(
                            c, TriggerSource.POST_CONFIRMATION_CONFIRM_SIGN_UP),
                Trigger.PRE_AUTHENTICATION, () -> triggers.preAuthentication(c, null, false),
                Trigger.POST_AUTHENTICATION, () -> triggers.postAuthentication(c, false),
                Trigger.DEFINE_AUTH_CHALLENGE,
                    () -> triggers.defineAuthChallenge(c, List.of(), false),
                Trigger.CREATE_AUTH_CHALLENGE,
                    () -> triggers.createAuthChallenge(c, "CUSTOM_CHALLENGE", List.of(), false),
                Trigger.VERIFY_AUTH_CHALLENGE_RESPONSE,
                    () -> triggers.verifyAuthChallengeResponse(c, Map.of(), "a", false),
                Trigger.PRE_TOKEN_GENERATION,
                    () ->
                        triggers.preTokenGeneration(
                            c, TriggerSource.TOKEN_GENERATION_HOSTED_AUTH, null, List.of()),
                Trigger.USER_MIGRATION,
                    () ->
                        triggers.userMigration(
                            c, TriggerSource.USER_MIGRATION_AUTHENTICATION, "p", null),
                Trigger.CUSTOM_MESSAGE,
                    () ->
                        triggers.customMessage(
                            c, TriggerSource.CUSTOM_MESSAGE_VERIFY_USER_ATTRIBUTE)));
    calls.put(
        Trigger.INBOUND_FEDERATION,
        () -> triggers.inboundFederation(c, "Corp", "OIDC", Map.of("idToken", Map.of())));
    // The custom senders are invoked asynchronously: their function errors never reach the caller
    // (their invocation failures are checked in CustomSenderTriggersTest).
    assertEquals(
        java.util.Arrays.stream(Trigger.values())
            .filter(t -> t != Trigger.CUSTOM_EMAIL_SENDER && t != Trigger.CUSTOM_SMS_SENDER)
            .count(),
        calls.size());
    invoker.failing(TriggerFailure.functionError("boom"));
    calls.forEach(
        (trigger, call) -> {
          CognitoException e = assertThrows(CognitoException.class, call::run);
          assertEquals(trigger.cognitoName() + " failed with error boom.", e.getMessage());
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "null",
        "[]",
        "\"event\"",
        "42",
        "{\"response\":\"yes\"}",
        "{\"response\":{\"autoConfirmUser\":\"maybe\"}}",
        "{\"response\":{\"autoVerifyEmail\":{}}}",
      })
  void whenPreSignUpAnswerIsNotTheEventThenInvalidLambdaResponse(String answer) {
    invoker.answeringRaw(answer);
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> triggers.preSignUp(c, TriggerSource.PRE_SIGN_UP_SIGN_UP, null));
    assertEquals(ErrorCode.INVALID_LAMBDA_RESPONSE, e.code());
    assertEquals("Unrecognizable lambda output", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"response\":{\"claimsOverrideDetails\":[]}}",
        "{\"response\":{\"claimsOverrideDetails\":{\"claimsToAddOrOverride\":[\"a\"]}}}",
        "{\"response\":{\"claimsOverrideDetails\":{\"claimsToAddOrOverride\":{\"a\":{\"b\":1}}}}}",
        "{\"response\":{\"claimsOverrideDetails\":{\"claimsToSuppress\":\"email\"}}}",
        "{\"response\":{\"claimsOverrideDetails\":{\"groupOverrideDetails\":{\"groupsToOverride\":[[\"x\"]]}}}}",
      })
  void whenPreTokenV1AnswerHasWrongTypesThenInvalidLambdaResponse(String answer) {
    invoker.answeringRaw(answer);
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () ->
                triggers.preTokenGeneration(
                    c, TriggerSource.TOKEN_GENERATION_AUTHENTICATION, null, List.of()));
    assertEquals(ErrorCode.INVALID_LAMBDA_RESPONSE, e.code());
  }

  @Test
  void whenPostConfirmationReturnsNothingThenInvalidLambdaResponse() {
    // A Node handler that forgets to return the event answers "null": Cognito's well-known
    // complaint.
    invoker.answeringRaw("null");
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> triggers.postConfirmation(c, TriggerSource.POST_CONFIRMATION_CONFIRM_SIGN_UP));
    assertEquals("Unrecognizable lambda output", e.getMessage());
  }

  @Test
  void whenAnswerHasNoResponseThenDefaultsApply() {
    invoker.answeringRaw("{\"version\":\"1\"}");
    assertEquals(
        PreSignUpResult.NONE, triggers.preSignUp(c, TriggerSource.PRE_SIGN_UP_SIGN_UP, null));
  }

  @Test
  void whenBooleansComeAsStringsOrScalarsAsNumbersThenTheyAreReadAsJacksonWould() {
    invoker.answeringRaw("{\"response\":{\"autoConfirmUser\":\"true\"}}");
    assertEquals(
        new PreSignUpResult(true, false, false),
        triggers.preSignUp(c, TriggerSource.PRE_SIGN_UP_SIGN_UP, null));
    invoker.answeringRaw(
        "{\"response\":{\"claimsOverrideDetails\":{\"claimsToAddOrOverride\":{\"n\":5}}}}");
    assertEquals(
        Map.of("n", "5"),
        triggers
            .preTokenGeneration(c, TriggerSource.TOKEN_GENERATION_AUTHENTICATION, null, List.of())
            .idClaimsToAddOrOverride());
  }
}
