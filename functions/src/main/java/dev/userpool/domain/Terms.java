package dev.userpool.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A terms document of an app client (CreateTerms): one per client and TermsName ({@code
 * terms-of-use} or {@code privacy-policy}), with a link per managed-login language ({@code
 * cognito:default}, {@code cognito:french}, …). TermsSource is LINK and Enforcement NONE, the only
 * values the model allows today.
 */
public record Terms(
    String poolId,
    String termsId,
    String clientId,
    String termsName,
    String termsSource,
    String enforcement,
    Map<String, String> links,
    Instant creationDate,
    Instant lastModifiedDate,
    long version) {

  public Terms {
    links = Map.copyOf(links);
  }
}
