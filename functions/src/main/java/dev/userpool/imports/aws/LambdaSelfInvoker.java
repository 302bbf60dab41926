package dev.userpool.imports.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Invokes this function asynchronously (InvocationType Event) with an {@link ImportJobEvent}:
 * Lambda queues the event and answers 202 at once, and retries an invocation that fails (twice),
 * which resumes the job from its last progress write. The qualifier is the running version, so a
 * job continues with the code that started it.
 */
public final class LambdaSelfInvoker implements ImportJobInvoker {
  private final Supplier<LambdaClient> lambda;
  private final String functionName;
  private final String qualifier;

  /** {@code qualifier} null or {@code $LATEST} invokes the unpublished function. */
  public LambdaSelfInvoker(Supplier<LambdaClient> lambda, String functionName, String qualifier) {
    this.lambda = lambda;
    this.functionName = functionName;
    this.qualifier = qualifier;
  }

  @Override
  public void invoke(String poolId, String jobId) {
    InvokeResponse response =
        lambda
            .get()
            .invoke(
                r -> {
                  r.functionName(functionName)
                      .invocationType(InvocationType.EVENT)
                      .payload(SdkBytes.fromUtf8String(ImportJobEvent.payload(poolId, jobId)));
                  if (qualifier != null && !qualifier.equals("$LATEST")) {
                    r.qualifier(qualifier);
                  }
                });
    if (response.statusCode() != 202) {
      throw new IllegalStateException(
          "asynchronous invoke of " + functionName + " answered " + response.statusCode());
    }
  }
}
