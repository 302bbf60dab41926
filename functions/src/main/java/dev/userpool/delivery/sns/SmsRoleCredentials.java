package dev.userpool.delivery.sns;

import dev.userpool.delivery.DeliveryFailedException;
import dev.userpool.errors.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

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
 * CodeDeliveryFailureException.
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

  private final Function<AssumeRoleRequest, AssumeRoleResponse> sts;
  private final Clock clock;
  private final Map<String, AwsSessionCredentials> cache = new ConcurrentHashMap<>();

  /**
   * @param sts STS AssumeRole (in the deployment: {@code stsClient::assumeRole})
   */
  public SmsRoleCredentials(Function<AssumeRoleRequest, AssumeRoleResponse> sts, Clock clock) {
    this.sts = sts;
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

  private AwsSessionCredentials assume(String roleArn, String externalId) {
    AssumeRoleRequest.Builder request =
        AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(SESSION_NAME);
    if (externalId != null) {
      request.externalId(externalId);
    }
    Credentials c;
    try {
      c = sts.apply(request.build()).credentials();
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String detail = "STS AssumeRole of " + roleArn + " failed: " + code + " " + e.getMessage();
      if ("AccessDenied".equals(code)
          || "AccessDeniedException".equals(code)
          || e.statusCode() == 403) {
        throw new DeliveryFailedException(
            detail, e, ErrorCode.INVALID_SMS_ROLE_TRUST_RELATIONSHIP, TRUST_MESSAGE);
      }
      throw new DeliveryFailedException(detail, e);
    } catch (SdkException e) {
      throw new DeliveryFailedException(
          "STS AssumeRole of " + roleArn + " failed: " + e.getMessage(), e);
    }
    if (c == null) {
      throw new DeliveryFailedException(
          "STS AssumeRole of " + roleArn + " returned no credentials", null);
    }
    return AwsSessionCredentials.builder()
        .accessKeyId(c.accessKeyId())
        .secretAccessKey(c.secretAccessKey())
        .sessionToken(c.sessionToken())
        .expirationTime(c.expiration())
        .build();
  }
}
