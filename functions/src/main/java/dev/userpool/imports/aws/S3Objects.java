package dev.userpool.imports.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The few S3 object calls user imports need, signed with the SDK's SigV4 signer (already in the jar
 * for DynamoDB) and sent with the JDK's HTTP client: the SDK's S3 module would add several MB to
 * the Lambda jar for four requests. Objects are addressed virtual-hosted style in AWS and path
 * style at an endpoint override (moto, a local S3).
 */
final class S3Objects {
  /** SSE-KMS with the bucket's AWS managed key: what Cognito's own upload URL is signed with. */
  static final String SSE_HEADER = "x-amz-server-side-encryption";

  static final String SSE_KMS = "aws:kms";

  private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  private final String bucket;
  private final String region;
  private final String endpoint;
  private final Supplier<? extends AwsCredentialsIdentity> credentials;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private HttpClient http; // made on first use: never in a SnapStart snapshot

  /** {@code endpoint} null means AWS's regional S3 endpoint. */
  S3Objects(
      String bucket,
      String region,
      String endpoint,
      Supplier<? extends AwsCredentialsIdentity> credentials,
      Clock clock) {
    this.bucket = bucket;
    this.region = region;
    this.endpoint = endpoint == null ? null : endpoint.replaceAll("/+$", "");
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * A presigned PUT of {@code key}: SigV4 in the query string, valid for {@code expiry}, with the
   * SSE-KMS header signed, so the upload must send {@code x-amz-server-side-encryption: aws:kms}.
   */
  String presignedPut(String key, Duration expiry) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.PUT)
            .uri(uri(key))
            .putHeader(SSE_HEADER, SSE_KMS)
            .build();
    return signer
        .sign(
            r ->
                common(r, request)
                    .putProperty(
                        AwsV4FamilyHttpSigner.AUTH_LOCATION,
                        AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiry))
        .request()
        .getUri()
        .toString();
  }

  /** The object's content as a stream, or empty when there is no such object. */
  Optional<InputStream> get(String key) throws IOException {
    HttpResponse<InputStream> response =
        send(SdkHttpMethod.GET, key, Map.of(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() == 404) {
      response.body().close();
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      String error;
      try (InputStream body = response.body()) {
        error = new String(body.readNBytes(1024), StandardCharsets.UTF_8);
      }
      throw new IOException("S3 GET " + key + " answered " + response.statusCode() + ": " + error);
    }
    return Optional.of(response.body());
  }

  boolean exists(String key) throws IOException {
    int status =
        send(SdkHttpMethod.HEAD, key, Map.of(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    if (status != 200 && status != 404) {
      throw new IOException("S3 HEAD " + key + " answered " + status);
    }
    return status == 200;
  }

  /** A server-side copy within the bucket (SSE-KMS, like the upload). */
  void copy(String fromKey, String toKey) throws IOException {
    HttpResponse<String> response =
        send(
            SdkHttpMethod.PUT,
            toKey,
            Map.of(
                "x-amz-copy-source", "/" + bucket + "/" + encodePath(fromKey), SSE_HEADER, SSE_KMS),
            HttpResponse.BodyHandlers.ofString());
    // CopyObject can answer 200 with an error document.
    if (response.statusCode() != 200 || response.body().contains("<Error>")) {
      throw new IOException(
          "S3 copy " + fromKey + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  void delete(String key) throws IOException {
    int status =
        send(SdkHttpMethod.DELETE, key, Map.of(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    if (status != 204 && status != 200 && status != 404) {
      throw new IOException("S3 DELETE " + key + " answered " + status);
    }
  }

  private <T> HttpResponse<T> send(
      SdkHttpMethod method,
      String key,
      Map<String, String> headers,
      HttpResponse.BodyHandler<T> body)
      throws IOException {
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder()
            .method(method)
            .uri(uri(key))
            .putHeader("x-amz-content-sha256", UNSIGNED_PAYLOAD);
    headers.forEach(unsigned::putHeader);
    SdkHttpRequest signed = signer.sign(r -> common(r, unsigned.build())).request();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(signed.getUri())
            .timeout(Duration.ofSeconds(30))
            .method(method.name(), HttpRequest.BodyPublishers.noBody());
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Host")) { // the JDK client derives it from the URI
                values.forEach(value -> request.header(name, value));
              }
            });
    // Every call here is idempotent: S3's 500/503 (SlowDown) and broken connections are retried.
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<T> response = http().send(request.build(), body);
        if (response.statusCode() < 500 || attempt == ATTEMPTS) {
          return response;
        }
        if (response.body() instanceof InputStream stream) {
          stream.close();
        }
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      try {
        Thread.sleep(200L << (2 * (attempt - 1))); // 200 ms, then 800 ms
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  private static final int ATTEMPTS = 3;

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
    return http;
  }

  /** S3's SigV4 rules: no double encoding and no path normalization of object keys. */
  private SignRequest.Builder<AwsCredentialsIdentity> common(
      SignRequest.Builder<AwsCredentialsIdentity> builder, SdkHttpRequest request) {
    return builder
        .identity(credentials.get())
        .request(request)
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
        .putProperty(HttpSigner.SIGNING_CLOCK, clock);
  }

  private URI uri(String key) {
    String path = "/" + encodePath(key);
    if (endpoint != null) {
      return URI.create(endpoint + "/" + bucket + path);
    }
    return URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com" + path);
  }

  private static String encodePath(String key) {
    return List.of(key.split("/", -1)).stream()
        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/"));
  }
}
