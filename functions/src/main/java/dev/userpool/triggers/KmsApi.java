package dev.userpool.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.aws.SignedRequests;
import dev.userpool.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * KMS's GenerateDataKey and Encrypt over its JSON protocol ({@code TrentService}), SigV4-signed:
 * the two calls that encrypt custom sender codes, without the SDK's KMS module. Throttling, 5xx
 * answers and connection failures are tried again (three attempts), as the SDK client did.
 */
final class KmsApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int ATTEMPTS = 3;

  /** An error answer of KMS: its {@code __type} ({@code NotFoundException} ...). */
  static final class KmsApiException extends RuntimeException {
    private final String code;

    KmsApiException(String code, String text, int status) {
      super("HTTP " + status + " " + code + ": " + text, null, false, false);
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  /** A data key: in plaintext, encrypted under the key, and the ARN of the key KMS used. */
  record DataKey(byte[] plaintext, byte[] ciphertext, String keyArn) {}

  private final String endpoint;
  private final AwsCredentialsProvider credentials;
  private HttpClient http;

  /**
   * @param endpoint a KMS endpoint to call instead of AWS's regional one (moto); null for AWS
   */
  KmsApi(String endpoint, AwsCredentialsProvider credentials) {
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  DataKey generateDataKey(String region, String keyId, int bytes, Map<String, String> context) {
    ObjectNode request = Json.object().put("KeyId", keyId).put("NumberOfBytes", bytes);
    request.set("EncryptionContext", Json.tree(context));
    JsonNode answer = call(region, "GenerateDataKey", request);
    return new DataKey(
        decode(answer, "Plaintext"), decode(answer, "CiphertextBlob"), keyArn(answer, keyId));
  }

  DataKey encrypt(String region, String keyId, byte[] plaintext, Map<String, String> context) {
    ObjectNode request =
        Json.object()
            .put("KeyId", keyId)
            .put("Plaintext", Base64.getEncoder().encodeToString(plaintext));
    request.set("EncryptionContext", Json.tree(context));
    JsonNode answer = call(region, "Encrypt", request);
    return new DataKey(plaintext, decode(answer, "CiphertextBlob"), keyArn(answer, keyId));
  }

  private static String keyArn(JsonNode answer, String keyId) {
    String arn = answer.path("KeyId").asText("");
    return arn.isEmpty() ? keyId : arn;
  }

  private static byte[] decode(JsonNode answer, String member) {
    String value = answer.path(member).asText("");
    if (value.isEmpty()) {
      throw new KmsApiException("InvalidAnswer", "no " + member + " in KMS's answer", 200);
    }
    return Base64.getDecoder().decode(value);
  }

  /**
   * @throws KmsApiException when KMS refuses the call
   * @throws UncheckedIOException when KMS could not be reached
   */
  private JsonNode call(String region, String action, ObjectNode request) {
    String body = Json.write(request);
    URI uri =
        endpoint != null ? URI.create(endpoint) : SignedRequests.regionalEndpoint("kms", region);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", "TrentService." + action)
            .build();
    for (int attempt = 1; ; attempt++) {
      HttpRequest signed = SignedRequests.sign(unsigned, body, "kms", region, credentials, TIMEOUT);
      HttpResponse<String> response;
      try {
        response =
            client().send(signed, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (attempt >= ATTEMPTS) {
          throw new UncheckedIOException(e);
        }
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new IOException("interrupted", e));
      }
      if (response.statusCode() / 100 == 2) {
        return Json.read(response.body());
      }
      KmsApiException error = error(response.statusCode(), response.body());
      boolean retryable =
          response.statusCode() >= 500 || "ThrottlingException".equals(error.code());
      if (!retryable || attempt >= ATTEMPTS) {
        throw error;
      }
    }
  }

  /** KMS's error document: {@code __type} (possibly prefixed with a namespace and #), message. */
  static KmsApiException error(int status, String body) {
    JsonNode error;
    try {
      error = Json.read(body);
    } catch (RuntimeException e) {
      return new KmsApiException("HTTP" + status, body, status);
    }
    String type = error.path("__type").asText("HTTP" + status);
    String code = type.substring(type.lastIndexOf('#') + 1);
    String message = error.path("message").asText(error.path("Message").asText(""));
    return new KmsApiException(code, message, status);
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }
    return http;
  }
}
