package dev.userpool.domain;

import java.time.Instant;
import java.util.Map;

/**
 * An app client of a pool. {@code settings} holds the client members as DescribeUserPoolClient returns them
 * (ExplicitAuthFlows, token validities, OAuth fields, …) with defaults applied; the secret is kept apart because
 * Cognito returns it only from Create/Describe/UpdateUserPoolClient.
 */
public record AppClient(
    String userPoolId,
    String clientId,
    String clientName,
    String clientSecret,
    Instant creationDate,
    Instant lastModifiedDate,
    Map<String, Object> settings,
    long version) {

  public boolean hasSecret() {
    return clientSecret != null;
  }

  public AppClient withSettings(String newName, Map<String, Object> newSettings, Instant modified) {
    return new AppClient(
        userPoolId, clientId, newName, clientSecret, creationDate, modified, newSettings, version);
  }
}
