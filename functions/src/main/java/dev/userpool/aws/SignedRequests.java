package dev.userpool.aws;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * Turns an SDK request description and its body into a SigV4-signed JDK HTTP request, the way the
 * AWS SDK signs it (payload hashed, {@code X-Amz-Date}, session token when the credentials have
 * one).
 */
public final class SignedRequests {
  private SignedRequests() {}

  /**
   * {@code https://<prefix>.<region>.<partition's DNS suffix>/} ({@code amazonaws.com}, {@code
   * amazonaws.com.cn} ...), from the SDK's region metadata; {@code amazonaws.com} for a region the
   * metadata does not know yet.
   */
  public static URI regionalEndpoint(String prefix, String region) {
    RegionMetadata metadata = Region.of(region).metadata();
    String suffix = metadata != null ? metadata.partition().dnsSuffix() : "amazonaws.com";
    return URI.create("https://" + prefix + "." + region + "." + suffix + "/");
  }

  /**
   * @param unsigned method, URI (path and query included) and the headers to sign
   * @param service the signing name ({@code lambda}, {@code ses}, {@code secretsmanager} ...)
   * @param credentials resolved now: providers cache and refresh themselves
   */
  public static HttpRequest sign(
      SdkHttpRequest unsigned,
      String body,
      String service,
      String region,
      AwsCredentialsProvider credentials,
      Duration timeout) {
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(credentials.resolveCredentials())
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(signed.request().getUri())
            .timeout(timeout)
            .method(
                unsigned.method().name(),
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Host")) { // the JDK client sets Host itself
        request.header(header.getKey(), String.join(",", header.getValue()));
      }
    }
    return request.build();
  }
}
