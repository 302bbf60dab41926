package dev.userpool.triggers;

import dev.userpool.aws.SignedRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * One SigV4-signed call of the Lambda Invoke REST API ({@code POST
 * /2015-03-31/functions/<name>/invocations}, {@code X-Amz-Invocation-Type: RequestResponse} or
 * {@code Event}) on the JDK's HTTP client: what the Lambda SDK client did for triggers, without its
 * 10 MB module. The HTTP client is built on the first call, so a SnapStart snapshot holds no
 * selector thread or open connection.
 */
final class LambdaInvokeCall {
  /** The Lambda SDK client's default (url-connection client) connect timeout. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** What Lambda answered: HTTP status, the two headers that matter, and the payload. */
  record Answer(int status, String functionError, String errorType, String body) {}

  private final URI endpoint;
  private final AwsCredentialsProvider credentials;
  private HttpClient http;

  /**
   * @param endpoint the endpoint to call, or null for the regional {@code
   *     https://lambda.<region>.<partition suffix>}
   * @param credentials resolved on every call (providers cache and refresh themselves)
   */
  LambdaInvokeCall(URI endpoint, AwsCredentialsProvider credentials) {
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  /**
   * Invokes {@code function} (a name or ARN) with {@code payload}; the answer must come within
   * {@code timeout}.
   *
   * @throws TimeoutException when it did not; the request is abandoned
   * @throws IOException when Lambda could not be reached
   */
  Answer invoke(
      String region,
      String function,
      String qualifier,
      String invocationType,
      String payload,
      Duration timeout)
      throws IOException, TimeoutException, InterruptedException {
    URI base = endpoint != null ? endpoint : SignedRequests.regionalEndpoint("lambda", region);
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(base)
            .encodedPath(
                "/2015-03-31/functions/" + SdkHttpUtils.urlEncode(function) + "/invocations")
            .putHeader("Content-Type", "application/json")
            .putHeader("X-Amz-Invocation-Type", invocationType);
    if (qualifier != null) {
      unsigned.putRawQueryParameter("Qualifier", qualifier);
    }
    HttpRequest request =
        SignedRequests.sign(unsigned.build(), payload, "lambda", region, credentials, timeout);
    CompletableFuture<HttpResponse<String>> pending =
        client().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      // The request timeout covers the headers only; this bounds the body as well.
      response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("X-Amz-Function-Error").orElse(null),
        response.headers().firstValue("x-amzn-ErrorType").orElse(null),
        response.body());
  }

  private synchronized HttpClient client() {
    if (http == null) {
      // HTTP/1.1 as the SDK clients speak it: no h2c upgrade dance with local emulators.
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(CONNECT_TIMEOUT)
              .build();
    }
    return http;
  }
}
