package dev.userpool.migration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Calls a Cognito user pools API (AWS's, or any endpoint speaking its JSON protocol) with
 * SigV4-signed requests, the way the AWS SDKs do: {@code POST /}, {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>}. Answers are the raw JSON documents, which is what
 * the import stores (a pool's settings are DescribeUserPool's members). Written on the JDK's HTTP
 * client and the SDK's signer so the Lambda jar needs no Cognito SDK module.
 */
public final class CognitoApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final String region;
  private final AwsCredentialsProvider credentials;
  private final HttpClient http;

  /**
   * @param endpoint null for AWS's regional endpoint
   */
  public CognitoApi(String endpoint, String region, AwsCredentialsProvider credentials) {
    this.endpoint =
        URI.create(
            endpoint != null ? endpoint : "https://cognito-idp." + region + ".amazonaws.com/");
    this.region = region;
    this.credentials = credentials;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** The region of a pool id ({@code us-east-1_AbC} → {@code us-east-1}). */
  public static String regionOf(String poolId) {
    int underscore = poolId.indexOf('_');
    if (underscore <= 0) {
      throw new IllegalArgumentException("not a user pool id: " + poolId);
    }
    return poolId.substring(0, underscore);
  }

  /**
   * Calls {@code operation}; throws {@link CognitoApiException} for the service's error answers.
   */
  public JsonNode call(String operation, Object input) {
    String body = Json.write(input);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(credentials.resolveCredentials())
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Host")) { // the JDK client sets Host itself
        request.header(header.getKey(), String.join(",", header.getValue()));
      }
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach the Cognito API at " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    JsonNode answer = response.body().isBlank() ? Json.object() : Json.read(response.body());
    if (response.statusCode() / 100 != 2) {
      String type = answer.path("__type").asText("HTTP " + response.statusCode());
      String message =
          answer.has("message")
              ? answer.path("message").asText()
              : answer.path("Message").asText("");
      throw new CognitoApiException(type.substring(type.lastIndexOf('#') + 1), message);
    }
    return answer;
  }
}
