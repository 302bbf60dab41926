package dev.userpool.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Invokes triggers with the Lambda Invoke API ({@code RequestResponse}; custom senders {@code
 * Event}), as Cognito does. The whole call, retries included, is bounded by the timeout; a function
 * error ({@code X-Amz-Function-Error}) becomes {@link TriggerFailure.Kind#FUNCTION_ERROR} with the
 * payload's {@code errorMessage}; Lambda's own refusals become {@link
 * TriggerFailure.Kind#NOT_INVOKABLE} with its error code.
 *
 * <p>Throttling, 5xx answers and connection failures are retried (at most {@value #MAX_ATTEMPTS}
 * attempts, short backoff) while time remains, as the AWS SDK's default retry policy did when this
 * went through the Lambda SDK client.
 *
 * <p>With a local emulator ({@code sam local start-lambda}) functions are known by name, not ARN,
 * so {@code byName} sends the function-name part of the ARN and its qualifier separately.
 */
public final class LambdaTriggerInvoker implements TriggerInvoker {
  /** The error code sam local start-lambda answers for an invocation type it does not serve. */
  private static final String NOT_IMPLEMENTED = "NotImplemented";

  private static final String REQUEST_RESPONSE = "RequestResponse";
  private static final String EVENT = "Event";
  private static final int MAX_ATTEMPTS = 3;
  private static final long BACKOFF_MILLIS = 100;
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);

  private final LambdaInvokeCall call;
  private final String defaultRegion;
  private final boolean byName;

  /**
   * @param endpoint the Lambda endpoint, or null for the regional endpoint of each function's ARN;
   *     an endpoint means a local emulator, which knows functions by name
   * @param defaultRegion the region of functions given by plain name
   * @param credentials signs the calls; resolved on each invocation, never while wiring
   */
  public LambdaTriggerInvoker(
      String endpoint, String defaultRegion, AwsCredentialsProvider credentials) {
    this(endpoint, defaultRegion, credentials, endpoint != null);
  }

  /** As deployed ({@code byName} false) but at another endpoint: tests of the AWS call shape. */
  LambdaTriggerInvoker(
      String endpoint, String defaultRegion, AwsCredentialsProvider credentials, boolean byName) {
    this.call = new LambdaInvokeCall(endpoint == null ? null : URI.create(endpoint), credentials);
    this.defaultRegion = defaultRegion;
    this.byName = byName;
  }

  @Override
  public String invoke(String functionArn, String eventJson, Duration timeout) {
    LambdaInvokeCall.Answer answer = call(functionArn, eventJson, timeout, REQUEST_RESPONSE);
    String payload = answer.body() == null ? "" : answer.body();
    if (answer.functionError() != null) {
      throw TriggerFailure.functionError(errorMessage(payload, answer.functionError()));
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
    LambdaInvokeCall.Answer answer;
    try {
      answer = call(functionArn, eventJson, timeout, EVENT);
    } catch (TriggerFailure refused) {
      if (!byName || !NOT_IMPLEMENTED.equals(refused.detail())) {
        throw refused;
      }
      answer = call(functionArn, eventJson, timeout, REQUEST_RESPONSE);
    }
    if (answer.functionError() != null) {
      Log.LOG.log(
          System.Logger.Level.INFO,
          "function "
              + FunctionName.of(functionArn).name()
              + " failed on an event it was handed: "
              + answer.functionError());
    }
  }

  /** One invocation of {@code type}, retried as described above; a 2xx answer or a failure. */
  private LambdaInvokeCall.Answer call(
      String functionArn, String eventJson, Duration timeout, String type) {
    FunctionName name = FunctionName.of(functionArn);
    String region = name.region() != null ? name.region() : defaultRegion;
    long deadline = System.nanoTime() + timeout.toNanos();
    LambdaInvokeCall.Answer answer = null;
    for (int attempt = 1; answer == null; attempt++) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      try {
        if (left.isNegative() || left.isZero()) {
          throw new TimeoutException();
        }
        LambdaInvokeCall.Answer a =
            byName
                ? call.invoke(region, name.name(), name.qualifier(), type, eventJson, left)
                : call.invoke(region, functionArn, null, type, eventJson, left);
        if (attempt < MAX_ATTEMPTS && RETRYABLE_STATUS.contains(a.status())) {
          backOff(attempt, deadline);
        } else {
          answer = a;
        }
      } catch (TimeoutException | HttpTimeoutException e) {
        Log.LOG.log(
            System.Logger.Level.WARNING,
            "trigger " + name.name() + " did not answer within " + timeout);
        throw TriggerFailure.notInvokable(TriggerFailure.SOCKET_TIMEOUT);
      } catch (IOException e) {
        // Connection refused, unknown host, reset: Lambda was not reached.
        if (attempt >= MAX_ATTEMPTS) {
          Log.LOG.log(
              System.Logger.Level.WARNING,
              "trigger " + name.name() + " unreachable: " + e.getClass().getSimpleName());
          throw TriggerFailure.notInvokable("ServiceException");
        }
        backOff(attempt, deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw TriggerFailure.notInvokable("ServiceException");
      }
    }
    if (answer.status() / 100 != 2) {
      String code = errorCode(answer);
      Log.LOG.log(
          System.Logger.Level.WARNING, "trigger " + name.name() + " not invokable: " + code);
      throw TriggerFailure.notInvokable(code);
    }
    return answer;
  }

  private static void backOff(int attempt, long deadline) {
    long millis =
        Math.min(BACKOFF_MILLIS << (attempt - 1), (deadline - System.nanoTime()) / 1_000_000);
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw TriggerFailure.notInvokable("ServiceException");
      }
    }
  }

  /**
   * Lambda's error code: the {@code x-amzn-ErrorType} header (without its {@code :<url>} suffix),
   * else the body's {@code __type} or {@code code}, as the SDK's REST-JSON error parser reads it.
   */
  static String errorCode(LambdaInvokeCall.Answer answer) {
    String type = answer.errorType();
    if (type == null && answer.body() != null) {
      try {
        JsonNode body = TriggerJson.mapper().readTree(answer.body());
        if (body != null && body.path("__type").isTextual()) {
          type = body.get("__type").asText();
        } else if (body != null && body.path("code").isTextual()) {
          type = body.get("code").asText();
        }
      } catch (IOException e) {
        // not JSON: no code
      }
    }
    if (type == null || type.isBlank()) {
      return "ServiceException";
    }
    int colon = type.indexOf(':');
    type = colon >= 0 ? type.substring(0, colon) : type;
    return type.substring(type.lastIndexOf('#') + 1);
  }

  /**
   * The {@code errorMessage} of a function error payload ({@code
   * {"errorMessage","errorType","stackTrace"}}).
   */
  static String errorMessage(String payload, String functionError) {
    try {
      JsonNode node = TriggerJson.mapper().readTree(payload);
      if (node != null && node.path("errorMessage").isTextual()) {
        return node.get("errorMessage").asText();
      }
    } catch (IOException e) {
      // not JSON: fall through to the error kind Lambda reported
    }
    return functionError;
  }

  /**
   * {@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}, or a plain name with
   * an optional {@code :<qualifier>} (region null).
   */
  record FunctionName(String region, String name, String qualifier) {
    static FunctionName of(String arnOrName) {
      String[] parts = arnOrName.split(":");
      if (parts.length >= 7 && "arn".equals(parts[0]) && "function".equals(parts[5])) {
        return new FunctionName(
            parts[3].isEmpty() ? null : parts[3], parts[6], parts.length > 7 ? parts[7] : null);
      }
      int colon = arnOrName.indexOf(':');
      if (colon > 0 && colon == arnOrName.lastIndexOf(':')) { // name:qualifier (partial ARN)
        return new FunctionName(
            null, arnOrName.substring(0, colon), arnOrName.substring(colon + 1));
      }
      return new FunctionName(null, arnOrName, null);
    }
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(LambdaTriggerInvoker.class.getName());
  }
}
