package dev.userpool.triggers;

import java.time.Duration;

/**
 * Runs one trigger function synchronously; the Lambda implementation and test fakes stand behind
 * it.
 */
public interface TriggerInvoker {

  /**
   * Invokes the function with the event and returns its answer as JSON text.
   *
   * @throws TriggerFailure when the function threw ({@link TriggerFailure.Kind#FUNCTION_ERROR}),
   *     could not be invoked or did not answer within {@code timeout} ({@link
   *     TriggerFailure.Kind#NOT_INVOKABLE})
   */
  String invoke(String functionArn, String eventJson, Duration timeout);

  /**
   * Hands the event to the function without waiting for what it does (Lambda's {@code Event}
   * invocation, as Cognito invokes custom senders): only a failure to invoke throws.
   *
   * @throws TriggerFailure ({@link TriggerFailure.Kind#NOT_INVOKABLE}) when Lambda refused the
   *     event or was not reached within {@code timeout}
   */
  default void invokeAsync(String functionArn, String eventJson, Duration timeout) {
    try {
      invoke(functionArn, eventJson, timeout);
    } catch (TriggerFailure failure) {
      if (failure.kind() == TriggerFailure.Kind.NOT_INVOKABLE) {
        throw failure;
      }
    }
  }
}
