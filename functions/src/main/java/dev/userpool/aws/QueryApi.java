package dev.userpool.aws;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One AWS service spoken over its Query protocol (SES, SNS, STS): a SigV4-signed form POST whose
 * answer is XML. Throttling, 5xx answers and connection failures are tried again (three attempts in
 * all), as the SDK's clients do.
 */
public final class QueryApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int ATTEMPTS = 3;
  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  /** An error answer of the service: its code ({@code AccessDenied}, {@code InvalidParameter}). */
  public static final class QueryApiException extends RuntimeException {
    private final String code;
    private final String text;
    private final int status;

    QueryApiException(String code, String text, int status) {
      super("HTTP " + status + " " + code + ": " + text, null, false, false);
      this.code = code;
      this.text = text;
      this.status = status;
    }

    public String code() {
      return code;
    }

    /** The error's {@code Message}. */
    public String text() {
      return text;
    }

    public int status() {
      return status;
    }
  }

  private final String endpoint;
  private final String endpointPrefix;
  private final String signingName;
  private final String version;
  private HttpClient http;

  /**
   * @param endpoint an endpoint to call instead of AWS's regional one (moto); null for AWS
   * @param endpointPrefix the regional host's first label ({@code sns}, {@code sts})
   * @param signingName the SigV4 service name
   * @param version the API version every request names ({@code 2010-03-31} ...)
   */
  public QueryApi(String endpoint, String endpointPrefix, String signingName, String version) {
    this.endpoint = endpoint;
    this.endpointPrefix = endpointPrefix;
    this.signingName = signingName;
    this.version = version;
  }

  /**
   * Calls {@code action} in {@code region} with {@code members} (null values left out), signed with
   * {@code credentials}, and returns the answer's XML.
   *
   * @throws QueryApiException when the service refuses the call
   * @throws IOException when the service could not be reached
   */
  public String call(
      String region, String action, Map<String, String> members, AwsCredentialsProvider credentials)
      throws IOException {
    String body = form(action, members);
    URI uri =
        endpoint != null
            ? URI.create(endpoint)
            : SignedRequests.regionalEndpoint(endpointPrefix, region);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .build();
    for (int attempt = 1; ; attempt++) {
      HttpRequest request =
          SignedRequests.sign(unsigned, body, signingName, region, credentials, TIMEOUT);
      HttpResponse<String> response;
      try {
        response =
            client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (response.statusCode() / 100 == 2) {
        return response.body();
      }
      QueryApiException error = error(response.statusCode(), response.body());
      boolean retryable =
          response.statusCode() >= 500
              || (error.code() != null && error.code().startsWith("Throttl"));
      if (!retryable || attempt >= ATTEMPTS) {
        throw error;
      }
    }
  }

  /** The service's error document ({@code <ErrorResponse><Error><Code>…<Message>…}). */
  public static QueryApiException error(int status, String xml) {
    return new QueryApiException(element("Code", xml), element("Message", xml), status);
  }

  /** The text of the first {@code <name>} element of {@code xml}, unescaped; null without one. */
  public static String element(String name, String xml) {
    Pattern pattern =
        switch (name) {
          case "Code" -> CODE;
          case "Message" -> MESSAGE;
          default -> Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</");
        };
    Matcher m = pattern.matcher(xml == null ? "" : xml);
    return m.find() ? unescape(m.group(1)) : null;
  }

  private String form(String action, Map<String, String> members) {
    StringJoiner form = new StringJoiner("&");
    form.add("Action=" + encode(action));
    form.add("Version=" + encode(version));
    for (Map.Entry<String, String> member : members.entrySet()) {
      if (member.getValue() != null) {
        form.add(encode(member.getKey()) + "=" + encode(member.getValue()));
      }
    }
    return form.toString();
  }

  private static String encode(String value) {
    // RFC 3986 unreserved characters stay, as SigV4's canonical form expects.
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }
    return http;
  }
}
