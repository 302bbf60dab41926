package dev.userpool.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.aws.SignedRequests;
import dev.userpool.config.OnFirstUse;
import dev.userpool.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Reads one Secrets Manager secret's string with GetSecretValue (JSON 1.1 protocol, SigV4), on the
 * JDK's HTTP client and the SDK's signer: the one call the Lambda makes to Secrets Manager, which
 * does not justify the SDK's 0.6 MB service module in the jar. Nothing is built or resolved before
 * the first read.
 */
public final class SecretsManagerSecret implements Supplier<String> {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final OnFirstUse<URI> endpoint;
  private final String region;
  private final String secretId;
  private final AwsCredentialsProvider credentials;
  private HttpClient http;

  /**
   * @param endpoint null for the regional endpoint ({@code
   *     https://secretsmanager.<region>.<partition suffix>})
   */
  public SecretsManagerSecret(
      String endpoint, String region, String secretId, AwsCredentialsProvider credentials) {
    // Resolved on first use: the regional endpoint reads the SDK's region metadata, a few hundred
    // classes that would otherwise load in every cold start.
    this.endpoint =
        new OnFirstUse<>(
            () ->
                endpoint != null
                    ? URI.create(endpoint)
                    : SignedRequests.regionalEndpoint("secretsmanager", region));
    this.region = region;
    this.secretId = secretId;
    this.credentials = credentials;
  }

  /** The secret's current {@code SecretString}; fails without echoing it. */
  @Override
  public String get() {
    String body = Json.write(Map.of("SecretId", secretId));
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint.get())
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
            .build();
    HttpRequest request =
        SignedRequests.sign(unsigned, body, "secretsmanager", region, credentials, TIMEOUT);
    HttpResponse<String> response;
    try {
      response = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach Secrets Manager at " + endpoint.get(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the admin key secret", e);
    }
    JsonNode answer = response.body().isBlank() ? Json.object() : Json.read(response.body());
    if (response.statusCode() / 100 != 2) {
      String type = answer.path("__type").asText("HTTP " + response.statusCode());
      throw new IllegalStateException(
          "GetSecretValue of "
              + secretId
              + " failed: "
              + type.substring(type.lastIndexOf('#') + 1)
              + " "
              + answer.path("message").asText(answer.path("Message").asText("")));
    }
    if (!answer.path("SecretString").isTextual()) {
      throw new IllegalStateException("the secret " + secretId + " has no SecretString");
    }
    return answer.get("SecretString").asText();
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }
    return http;
  }
}
