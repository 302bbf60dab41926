package dev.userpool.delivery.ses;

import dev.userpool.aws.QueryApi;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * SES (API version 2010-12-01) SendEmail over its Query protocol: a SigV4-signed form POST whose
 * answer is XML ({@link QueryApi}). The one SES call the Lambda makes, without the SDK's 1.5 MB SES
 * module.
 */
public final class SesApi {
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

  private final QueryApi ses;
  private final AwsCredentialsProvider credentials;

  /**
   * @param endpoint an SES endpoint to call instead of AWS's regional one (moto); null for AWS
   */
  public SesApi(String endpoint, AwsCredentialsProvider credentials) {
    this.ses = new QueryApi(endpoint, "email", "ses", "2010-12-01");
    this.credentials = credentials;
  }

  /**
   * Sends the email with SES in {@code region}.
   *
   * @throws SesApiException when SES refuses it
   * @throws IOException when SES could not be reached
   */
  public void sendEmail(String region, SendEmail email) throws IOException {
    try {
      ses.call(region, "SendEmail", members(email), credentials);
    } catch (QueryApi.QueryApiException e) {
      throw new SesApiException(e.code(), e.text(), e.status());
    }
  }

  /** SES's error document ({@code <ErrorResponse><Error><Code>…<Message>…}) as an exception. */
  static SesApiException error(int status, String xml) {
    QueryApi.QueryApiException e = QueryApi.error(status, xml);
    return new SesApiException(e.code(), e.text(), status);
  }

  /** SendEmail's members, as the Query protocol flattens them (null ones are left out). */
  static Map<String, String> members(SendEmail email) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("Source", email.source());
    members.put("Destination.ToAddresses.member.1", email.to());
    members.put("Message.Subject.Data", email.subject());
    members.put("Message.Subject.Charset", "UTF-8");
    members.put("Message.Body.Html.Data", email.htmlBody());
    members.put("Message.Body.Html.Charset", "UTF-8");
    members.put("SourceArn", email.sourceArn());
    members.put("ReplyToAddresses.member.1", email.replyTo());
    members.put("ConfigurationSetName", email.configurationSet());
    return members;
  }
}
