package dev.userpool.delivery.sns;

import dev.userpool.aws.QueryApi;
import dev.userpool.delivery.DeliveryFailedException;
import dev.userpool.errors.ErrorCode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Session credentials of a pool's {@code SmsConfiguration.SnsCallerArn}, from STS AssumeRole (with
 * the pool's {@code ExternalId} when it has one), kept per role and external id until {@link
 * #REFRESH_BEFORE_EXPIRY} before they expire.
 *
 * <p>Where Cognito's service principal ({@code cognito-idp.amazonaws.com}) assumes the role, here
 * the deployment's own credentials do: the role's trust policy must allow them (for example the
 * Lambda's execution role), and {@code sts:ExternalId} conditions work as with Cognito. A refusal
 * (AccessDenied: no trust, unknown role, a wrong external id) is
 * InvalidSmsRoleTrustRelationshipException, as Cognito reports it; any other failure of STS is
 * CodeDeliveryFailureException. STS is called over its Query API (API version 2011-06-15).
 */
public final class SmsRoleCredentials {
  /**
   * Session credentials are replaced this long before they expire, so a send never uses expiring
   * ones.
   */
  public static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

  static final String SESSION_NAME = "userpool-sms";

  /** Observed Cognito text (InvalidSmsRoleTrustRelationshipException on ConfirmSignUp/SignUp). */
  static final String TRUST_MESSAGE =
      "Role does not have a trust relationship allowing Cognito to assume the role";

  /** STS's Query API, at the deployment's STS endpoint. */
  public static QueryApi stsApi(String endpoint) {
    return new QueryApi(endpoint, "sts", "sts", "2011-06-15");
  }

  private final QueryApi sts;
  private final String region;
  private final AwsCredentialsProvider deployment;
  private final Clock clock;
  private final Map<String, AwsSessionCredentials> cache = new ConcurrentHashMap<>();

  /**
   * @param sts STS ({@link #stsApi})
   * @param region the region whose STS is called (the deployment's)
   * @param deployment the credentials that assume the role
   */
  public SmsRoleCredentials(
      QueryApi sts, String region, AwsCredentialsProvider deployment, Clock clock) {
    this.sts = sts;
    this.region = region;
    this.deployment = deployment;
    this.clock = clock;
  }

  /**
   * Credentials of the role, assumed now or earlier; throws {@link DeliveryFailedException} when
   * STS fails.
   */
  public AwsSessionCredentials credentials(String roleArn, String externalId) {
    String key = roleArn + "\n" + (externalId == null ? "" : externalId);
    AwsSessionCredentials cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null && fresh(cached, now)) {
      return cached;
    }
    AwsSessionCredentials assumed = assume(roleArn, externalId);
    cache.put(key, assumed);
    return assumed;
  }

  private static boolean fresh(AwsSessionCredentials c, Instant now) {
    return c.expirationTime()
        .map(exp -> now.isBefore(exp.minus(REFRESH_BEFORE_EXPIRY)))
        .orElse(true);
  }

  /** Whether STS's refusal means the role may not be assumed (no trust, a wrong external id). */
  static boolean trustRefused(String code, int status) {
    return "AccessDenied".equals(code) || "AccessDeniedException".equals(code) || status == 403;
  }

  private AwsSessionCredentials assume(String roleArn, String externalId) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("RoleArn", roleArn);
    members.put("RoleSessionName", SESSION_NAME);
    members.put("ExternalId", externalId);
    String xml;
    try {
      xml = sts.call(region, "AssumeRole", members, deployment);
    } catch (QueryApi.QueryApiException e) {
      String detail = "STS AssumeRole of " + roleArn + " failed: " + e.getMessage();
      if (trustRefused(e.code(), e.status())) {
        throw new DeliveryFailedException(
            detail, e, ErrorCode.INVALID_SMS_ROLE_TRUST_RELATIONSHIP, TRUST_MESSAGE);
      }
      throw new DeliveryFailedException(detail, e);
    } catch (IOException | RuntimeException e) {
      throw new DeliveryFailedException("STS AssumeRole of " + roleArn + " failed: " + e, e);
    }
    String accessKeyId = QueryApi.element("AccessKeyId", xml);
    String secret = QueryApi.element("SecretAccessKey", xml);
    String token = QueryApi.element("SessionToken", xml);
    if (accessKeyId == null || secret == null || token == null) {
      throw new DeliveryFailedException(
          "STS AssumeRole of " + roleArn + " returned no credentials", null);
    }
    AwsSessionCredentials.Builder credentials =
        AwsSessionCredentials.builder()
            .accessKeyId(accessKeyId)
            .secretAccessKey(secret)
            .sessionToken(token);
    String expiration = QueryApi.element("Expiration", xml);
    try {
      credentials.expirationTime(expiration == null ? null : Instant.parse(expiration));
    } catch (DateTimeParseException e) {
      // Without a readable expiry the session is kept no longer than STS's default hour.
      credentials.expirationTime(clock.instant().plus(Duration.ofHours(1)));
    }
    return credentials.build();
  }
}
