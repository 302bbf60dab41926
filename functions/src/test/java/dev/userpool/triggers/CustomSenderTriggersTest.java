package dev.userpool.triggers;

import static dev.userpool.triggers.TriggerFixtures.arn;
import static dev.userpool.triggers.TriggerFixtures.context;
import static dev.userpool.triggers.TriggerFixtures.json;
import static dev.userpool.triggers.TriggerFixtures.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Triggers#customSender: the event Cognito documents, the code as the encryption gives it, and the
 * failures that reach the caller (only those before the function runs).
 */
class CustomSenderTriggersTest {
  private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/k1";
  private final RecordingInvoker invoker = new RecordingInvoker();
  private final List<String> encrypted = new ArrayList<>();
  private final Triggers triggers =
      new Triggers(
          invoker,
          Duration.ofSeconds(5),
          null,
          (key, poolId, code) -> {
            encrypted.add(key + " " + poolId + " " + code);
            return "ciphertext-of-" + code;
          });

  private static UserPool poolWithSenders(boolean withKey) {
    Map<String, Object> config =
        new java.util.LinkedHashMap<>(
            Map.of(
                "CustomEmailSender",
                Map.of("LambdaVersion", "V1_0", "LambdaArn", arn("email")),
                "CustomSMSSender",
                Map.of("LambdaVersion", "V1_0", "LambdaArn", arn("sms"))));
    if (withKey) {
      config.put("KMSKeyID", KEY);
    }
    return pool(config);
  }

  @Test
  void emailSenderEventIsCognitosWithTheEncryptedCode() {
    UserPool pool = poolWithSenders(true);
    assertTrue(
        triggers.customSender(
            context(pool, Map.of("k", "v")), TriggerSource.CUSTOM_EMAIL_SENDER_SIGN_UP, "123456"));

    assertEquals(List.of(KEY + " " + pool.id() + " 123456"), encrypted);
    assertEquals(arn("email"), invoker.last().functionArn());
    assertEquals(
        json(
            """
            {"version":"1","triggerSource":"CustomEmailSender_SignUp","region":"us-east-1",
             "userPoolId":"us-east-1_Trigg3rs1","userName":"jane",
             "callerContext":{"awsSdkVersion":"aws-sdk-unknown-unknown","clientId":"client1example"},
             "request":{"type":"customEmailSenderRequestV1","code":"ciphertext-of-123456",
                        "userAttributes":{"email":"jane@example.com"},"clientMetadata":{"k":"v"}},
             "response":{}}
            """),
        json(invoker.last().eventJson()));
  }

  @Test
  void smsSenderEventHasTheSmsRequestTypeAndNoClientMetadataWhenNoneIsPassed() {
    triggers.customSender(
        context(poolWithSenders(true), null),
        TriggerSource.CUSTOM_SMS_SENDER_AUTHENTICATION,
        "654321");
    var event = json(invoker.last().eventJson());
    assertEquals(arn("sms"), invoker.last().functionArn());
    assertEquals("CustomSMSSender_Authentication", event.get("triggerSource").asText());
    assertEquals("customSMSSenderRequestV1", event.path("request").path("type").asText());
    assertFalse(event.path("request").has("clientMetadata"));
  }

  @Test
  void poolWithoutTheSenderIsLeftToTheUsualDelivery() {
    UserPool pool =
        pool(Map.of("CustomSMSSender", Map.of("LambdaVersion", "V1_0", "LambdaArn", arn("sms"))));
    assertFalse(
        triggers.customSender(
            context(pool, null), TriggerSource.CUSTOM_EMAIL_SENDER_SIGN_UP, "123456"));
    assertTrue(invoker.calls.isEmpty());
    assertTrue(encrypted.isEmpty());
  }

  @Test
  void aFunctionErrorIsNotTheCallersButAnInvocationFailureIs() {
    UserPool pool = poolWithSenders(true);
    invoker.failing(TriggerFailure.functionError("provider down"));
    assertTrue(
        triggers.customSender(
            context(pool, null), TriggerSource.CUSTOM_EMAIL_SENDER_FORGOT_PASSWORD, "1"));

    invoker.failing(TriggerFailure.notInvokable("AccessDeniedException"));
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () ->
                triggers.customSender(
                    context(pool, null), TriggerSource.CUSTOM_SMS_SENDER_SIGN_UP, "1"));
    assertEquals(ErrorCode.UNEXPECTED_LAMBDA, e.code());
    assertEquals(
        "CustomSMSSender invocation failed due to error AccessDeniedException.", e.getMessage());
  }

  @Test
  void aPoolStoredWithoutKeyInvokesNothing() {
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () ->
                triggers.customSender(
                    context(poolWithSenders(false), null),
                    TriggerSource.CUSTOM_EMAIL_SENDER_SIGN_UP,
                    "1"));
    assertEquals(ErrorCode.UNEXPECTED_LAMBDA, e.code());
    assertTrue(invoker.calls.isEmpty());
  }

  @Test
  void everyCustomMessageSourceHasItsSenderSources() {
    for (TriggerSource s : TriggerSource.values()) {
      if (s.trigger() != Trigger.CUSTOM_MESSAGE) {
        continue;
      }
      String event = s.wireName().substring("CustomMessage".length());
      assertEquals(
          "CustomEmailSender" + event, s.forSender(Trigger.CUSTOM_EMAIL_SENDER).wireName());
      assertEquals("CustomSMSSender" + event, s.forSender(Trigger.CUSTOM_SMS_SENDER).wireName());
    }
  }
}
