package dev.userpool.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Invokes triggers with the Lambda Invoke API ({@code RequestResponse}; custom senders {@code
 * Event}), as Cognito does. The whole call, SDK retries included, is bounded by the timeout; a
 * function error ({@code X-Amz-Function-Error}) becomes {@link TriggerFailure.Kind#FUNCTION_ERROR}
 * with the payload's {@code errorMessage}.
 *
 * <p>With a local emulator ({@code sam local start-lambda}) functions are known by name, not ARN,
 * so {@code byName} sends the function-name part of the ARN and its qualifier separately.
 */
public final class LambdaTriggerInvoker implements TriggerInvoker {
  private static final System.Logger LOG = System.getLogger(LambdaTriggerInvoker.class.getName());

  /** The error code sam local start-lambda answers for an invocation type it does not serve. */
  private static final String NOT_IMPLEMENTED = "NotImplemented";

  private final Supplier<LambdaClient> client;
  private final boolean byName;

  /**
   * @param client the Lambda client, created on first use (never in a SnapStart snapshot)
   * @param byName send the function name from the ARN instead of the ARN (local emulators)
   */
  public LambdaTriggerInvoker(Supplier<LambdaClient> client, boolean byName) {
    this.client = client;
    this.byName = byName;
  }

  @Override
  public String invoke(String functionArn, String eventJson, Duration timeout) {
    InvokeResponse response =
        call(functionArn, eventJson, timeout, InvocationType.REQUEST_RESPONSE);
    String payload = response.payload() == null ? "" : response.payload().asUtf8String();
    if (response.functionError() != null) {
      throw TriggerFailure.functionError(errorMessage(payload, response.functionError()));
    }
    return payload;
  }

  /**
   * {@code Event} invocation: Lambda queues the event and answers 202. A local emulator ({@code
   * byName}) that refuses Event as not implemented (sam local start-lambda serves only
   * RequestResponse) gets RequestResponse instead: the function then runs while this waits, and
   * what it answers or throws is ignored as Lambda would.
   */
  @Override
  public void invokeAsync(String functionArn, String eventJson, Duration timeout) {
    InvokeResponse response;
    try {
      response = call(functionArn, eventJson, timeout, InvocationType.EVENT);
    } catch (TriggerFailure refused) {
      if (!byName || !NOT_IMPLEMENTED.equals(refused.detail())) {
        throw refused;
      }
      response = call(functionArn, eventJson, timeout, InvocationType.REQUEST_RESPONSE);
    }
    if (response.functionError() != null) {
      LOG.log(
          System.Logger.Level.INFO,
          "function "
              + FunctionName.of(functionArn).name()
              + " failed on an event it was handed: "
              + response.functionError());
    }
  }

  private InvokeResponse call(
      String functionArn, String eventJson, Duration timeout, InvocationType type) {
    InvokeRequest.Builder request =
        InvokeRequest.builder()
            .invocationType(type)
            .payload(SdkBytes.fromUtf8String(eventJson))
            .overrideConfiguration(c -> c.apiCallTimeout(timeout));
    FunctionName name = FunctionName.of(functionArn);
    if (byName) {
      request.functionName(name.name()).qualifier(name.qualifier());
    } else {
      request.functionName(functionArn);
    }
    try {
      return client.get().invoke(request.build());
    } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "trigger " + name.name() + " did not answer within " + timeout);
      throw TriggerFailure.notInvokable(TriggerFailure.SOCKET_TIMEOUT);
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
      LOG.log(System.Logger.Level.WARNING, "trigger " + name.name() + " not invokable: " + code);
      throw TriggerFailure.notInvokable(code != null ? code : "ServiceException");
    } catch (SdkClientException e) {
      // Connection refused, unknown host, read timeout below the call timeout: Lambda was not
      // reached.
      LOG.log(
          System.Logger.Level.WARNING,
          "trigger " + name.name() + " unreachable: " + e.getClass().getSimpleName());
      throw TriggerFailure.notInvokable(
          isTimeout(e) ? TriggerFailure.SOCKET_TIMEOUT : "ServiceException");
    }
  }

  /**
   * The {@code errorMessage} of a function error payload ({@code
   * {"errorMessage","errorType","stackTrace"}}).
   */
  static String errorMessage(String payload, String functionError) {
    try {
      JsonNode node = TriggerJson.MAPPER.readTree(payload);
      if (node != null && node.path("errorMessage").isTextual()) {
        return node.get("errorMessage").asText();
      }
    } catch (java.io.IOException e) {
      // not JSON: fall through to the error kind Lambda reported
    }
    return functionError;
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** {@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}, or a plain name. */
  record FunctionName(String name, String qualifier) {
    static FunctionName of(String arnOrName) {
      String[] parts = arnOrName.split(":");
      if (parts.length >= 7 && "arn".equals(parts[0]) && "function".equals(parts[5])) {
        return new FunctionName(parts[6], parts.length > 7 ? parts[7] : null);
      }
      return new FunctionName(arnOrName, null);
    }
  }
}
