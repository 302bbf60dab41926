package dev.userpool.domain;

import java.time.Instant;

/**
 * A user pool's domain: a prefix domain ({@code certificateArn} null; Cognito hosts it at {@code
 * <prefix>.auth.<region>.amazoncognito.com}) or a custom domain with the ACM certificate it was
 * created with. A domain name belongs to at most one pool in the whole deployment.
 */
public record PoolDomain(
    String domain,
    String userPoolId,
    String certificateArn,
    Integer managedLoginVersion,
    Instant creationDate,
    long version) {

  public boolean custom() {
    return certificateArn != null;
  }

  /**
   * The pool settings member that names this domain: CustomDomain for custom domains, else Domain.
   */
  public String poolMember() {
    return custom() ? "CustomDomain" : "Domain";
  }

  public PoolDomain with(String newCertificateArn, Integer newManagedLoginVersion) {
    return new PoolDomain(
        domain, userPoolId, newCertificateArn, newManagedLoginVersion, creationDate, version);
  }
}
