package dev.userpool.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;

/**
 * Answers one request during init that touches neither the store nor any AWS service
 * (DescribeUserPool without a pool id: a validation error), so that the classes of the JSON
 * protocol, validation and error answers are loaded, and initialised, before the first real request
 * — and, with SnapStart, are already in the snapshot. Priming never fails init.
 */
final class Priming {
  private Priming() {}

  /**
   * Whether this init runs ahead of any request, so that work done in it costs no request anything:
   * a SnapStart snapshot ({@code snap-start}) or provisioned concurrency. An on-demand init (the
   * value {@code on-demand}, or no value outside Lambda) is part of the first request's cold start.
   *
   * @param initializationType Lambda's {@code AWS_LAMBDA_INITIALIZATION_TYPE}
   */
  static boolean initIsAheadOfRequests(String initializationType) {
    return "snap-start".equals(initializationType)
        || "provisioned-concurrency".equals(initializationType);
  }

  static void prime(ApiGatewayHandler handler) {
    APIGatewayProxyRequestEvent event =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("POST")
            .withPath("/")
            .withHeaders(
                Map.of(
                    "Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "AWSCognitoIdentityProviderService.DescribeUserPool"))
            .withBody("{}");
    try {
      handler.handleRequest(event, null);
    } catch (RuntimeException e) {
      Log.LOG.log(System.Logger.Level.WARNING, "priming request failed: " + e);
    }
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(Priming.class.getName());
  }
}
