package dev.userpool.operations.domains;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.PoolDomain;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import dev.userpool.store.DomainStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the domain operations share: finding a pool's domain and rendering it as Cognito's
 * DomainDescriptionType.
 */
final class PoolDomains {
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private PoolDomains() {}

  /**
   * The domain when it belongs to {@code pool}; else InvalidParameterException "No such domain or
   * user pool exists." (the text Cognito answers DeleteUserPoolDomain for an unknown domain,
   * commonly reported; used for UpdateUserPoolDomain too, unconfirmed).
   */
  static PoolDomain ofPool(DomainStore domains, UserPool pool, String domain) {
    return domains
        .find(domain)
        .filter(d -> d.userPoolId().equals(pool.id()))
        .orElseThrow(
            () -> ErrorCode.INVALID_PARAMETER.exception("No such domain or user pool exists."));
  }

  /**
   * A stable CloudFront-style host name for a custom domain. A self-hosted deployment has no
   * CloudFront distribution per domain; clients (Terraform, CDK) only read the member, so it is
   * derived from the name.
   */
  static String cloudFrontDomain(String domain) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(domain.getBytes(StandardCharsets.UTF_8));
      StringBuilder out = new StringBuilder("d");
      for (int i = 0; i < 13; i++) {
        out.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt((hash[i] & 0xff) % 36));
      }
      return out.append(".cloudfront.net").toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** DomainDescriptionType, members in the service model's order. */
  static ObjectNode description(PoolDomain d, String accountId) {
    ObjectNode o = Json.object();
    o.put("UserPoolId", d.userPoolId());
    o.put("AWSAccountId", accountId);
    o.put("Domain", d.domain());
    o.put("CloudFrontDistribution", cloudFrontDomain(d.domain()));
    o.put("Version", VERSION.format(d.creationDate()));
    o.put("Status", "ACTIVE");
    if (d.custom()) {
      o.putObject("CustomDomainConfig").put("CertificateArn", d.certificateArn());
    }
    if (d.managedLoginVersion() != null) {
      o.put("ManagedLoginVersion", d.managedLoginVersion());
    }
    return o;
  }
}
