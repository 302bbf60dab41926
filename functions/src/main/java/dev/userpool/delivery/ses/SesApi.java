package dev.userpool.delivery.ses;

import dev.userpool.aws.SignedRequests;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * SES (API version 2010-12-01) SendEmail over its Query protocol: a SigV4-signed form POST whose
 * answer is XML. The one SES call the Lambda makes, without the SDK's 1.5 MB SES module.
 * Throttling, 5xx answers and connection failures are tried again (three attempts), as the SDK
 * client did.
 */
public final class SesApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int ATTEMPTS = 3;
  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  /** An error answer of SES: its code ({@code MessageRejected}, {@code AccessDenied} ...). */
  public static final class SesApiException extends RuntimeException {
    private final String code;
    private final String text;

    SesApiException(String code, String text, int status) {
      super("HTTP " + status + " " + code + ": " + text, null, false, false);
      this.code = code;
      this.text = text;
    }

    public String code() {
      return code;
    }

    public String text() {
      return text;
    }
  }

  /** What SendEmail is given; null members are left out of the request. */
  public record SendEmail(
      String source,
      String to,
      String subject,
      String htmlBody,
      String sourceArn,
      String replyTo,
      String configurationSet) {}

  private final String endpoint;
  private final AwsCredentialsProvider credentials;
  private HttpClient http;

  /**
   * @param endpoint an SES endpoint to call instead of AWS's regional one (moto); null for AWS
   */
  public SesApi(String endpoint, AwsCredentialsProvider credentials) {
    this.endpoint = endpoint;
    this.credentials = credentials;
  }

  /**
   * Sends the email with SES in {@code region}.
   *
   * @throws SesApiException when SES refuses it
   * @throws IOException when SES could not be reached
   */
  public void sendEmail(String region, SendEmail email) throws IOException {
    String body = form(email);
    URI uri =
        endpoint != null ? URI.create(endpoint) : SignedRequests.regionalEndpoint("email", region);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .build();
    for (int attempt = 1; ; attempt++) {
      HttpRequest request =
          SignedRequests.sign(unsigned, body, "ses", region, credentials, TIMEOUT);
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
        return;
      }
      SesApiException error = error(response.statusCode(), response.body());
      boolean retryable = response.statusCode() >= 500 || "Throttling".equals(error.code());
      if (!retryable || attempt >= ATTEMPTS) {
        throw error;
      }
    }
  }

  /** SES's error document ({@code <ErrorResponse><Error><Code>…<Message>…}) as an exception. */
  static SesApiException error(int status, String xml) {
    return new SesApiException(first(CODE, xml), first(MESSAGE, xml), status);
  }

  /** The form of SendEmail's members, as the Query protocol flattens them. */
  static String form(SendEmail email) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("Action", "SendEmail");
    members.put("Version", "2010-12-01");
    members.put("Source", email.source());
    members.put("Destination.ToAddresses.member.1", email.to());
    members.put("Message.Subject.Data", email.subject());
    members.put("Message.Subject.Charset", "UTF-8");
    members.put("Message.Body.Html.Data", email.htmlBody());
    members.put("Message.Body.Html.Charset", "UTF-8");
    members.put("SourceArn", email.sourceArn());
    members.put("ReplyToAddresses.member.1", email.replyTo());
    members.put("ConfigurationSetName", email.configurationSet());
    StringJoiner form = new StringJoiner("&");
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

  private static String first(Pattern pattern, String xml) {
    Matcher m = pattern.matcher(xml == null ? "" : xml);
    return m.find() ? unescape(m.group(1)) : null;
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
