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
}
