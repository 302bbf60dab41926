package dev.userpool.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An app client of a pool. {@code settings} holds the client members as DescribeUserPoolClient
 * returns them (ExplicitAuthFlows, token validities, OAuth fields, …) with defaults applied; the
 * secrets are kept apart because Cognito returns them only from
 * Create/Describe/UpdateUserPoolClient.
 *
 * <p>{@code secrets} are the client's active secrets, oldest first (at most two, see {@link
 * ClientSecret}); {@code clientSecret} is the oldest one's value, the one ClientSecret in
 * UserPoolClientType shows. Built with the shorter constructor, a client has the one secret {@code
 * clientSecret} (or none), created with the client.
 */
public record AppClient(
    String userPoolId,
    String clientId,
    String clientName,
    String clientSecret,
    Instant creationDate,
    Instant lastModifiedDate,
    Map<String, Object> settings,
    long version,
    List<ClientSecret> secrets) {

  public AppClient {
    if (secrets == null) {
      secrets =
          clientSecret == null
              ? List.of()
              : List.of(ClientSecret.of(clientId, clientSecret, creationDate));
    } else {
      secrets = List.copyOf(secrets);
      clientSecret = secrets.isEmpty() ? null : secrets.get(0).value();
    }
  }

  public AppClient(
      String userPoolId,
      String clientId,
      String clientName,
      String clientSecret,
      Instant creationDate,
      Instant lastModifiedDate,
      Map<String, Object> settings,
      long version) {
    this(
        userPoolId,
        clientId,
        clientName,
        clientSecret,
        creationDate,
        lastModifiedDate,
        settings,
        version,
        null);
  }

  public boolean hasSecret() {
    return !secrets.isEmpty();
  }

  public AppClient withSettings(String newName, Map<String, Object> newSettings, Instant modified) {
    return new AppClient(
        userPoolId,
        clientId,
        newName,
        clientSecret,
        creationDate,
        modified,
        newSettings,
        version,
        secrets);
  }

  public AppClient withSecrets(List<ClientSecret> newSecrets) {
    return new AppClient(
        userPoolId,
        clientId,
        clientName,
        null,
        creationDate,
        lastModifiedDate,
        settings,
        version,
        newSecrets);
  }

  public AppClient withVersion(long newVersion) {
    return new AppClient(
        userPoolId,
        clientId,
        clientName,
        clientSecret,
        creationDate,
        lastModifiedDate,
        settings,
        newVersion,
        secrets);
  }
}
