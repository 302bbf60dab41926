package dev.userpool.imports.aws;

import dev.userpool.triggers.TriggerFailure;
import dev.userpool.triggers.TriggerInvoker;
import java.time.Duration;

/**
 * Invokes this function asynchronously (InvocationType Event) with an {@link ImportJobEvent}:
 * Lambda queues the event and answers 202 at once, and retries an invocation that fails (twice),
 * which resumes the job from its last progress write. The qualifier is the running version, so a
 * job continues with the code that started it. The call goes through the triggers' Lambda invoker
 * (the Invoke REST API with SigV4), so the jar needs no Lambda SDK module.
 */
public final class LambdaSelfInvoker implements ImportJobInvoker {
  /** Queuing an Event invocation answers at once; this bounds a Lambda that does not. */
  private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(5);

  private final TriggerInvoker lambda;
  private final String function;

  /** {@code qualifier} null or {@code $LATEST} invokes the unpublished function. */
  public LambdaSelfInvoker(TriggerInvoker lambda, String functionName, String qualifier) {
    this.lambda = lambda;
    // Lambda's partial-ARN form name:qualifier, which the invoker splits for a local emulator
    this.function =
        qualifier == null || qualifier.equals("$LATEST")
            ? functionName
            : functionName + ":" + qualifier;
  }

  @Override
  public void invoke(String poolId, String jobId) {
    try {
      lambda.invokeAsync(function, ImportJobEvent.payload(poolId, jobId), QUEUE_TIMEOUT);
    } catch (TriggerFailure refused) {
      throw new IllegalStateException(
          "asynchronous invoke of " + function + " refused: " + refused.detail(), refused);
    }
  }
}
