package dev.userpool.operations;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.AppClientStore;
import dev.userpool.store.UserPoolStore;

/** The "does it exist" checks that almost every operation starts with, with Cognito's messages. */
public final class Lookups {
  private final UserPoolStore pools;
  private final AppClientStore clients;

  public Lookups(UserPoolStore pools, AppClientStore clients) {
    this.pools = pools;
    this.clients = clients;
  }

  /**
   * ResourceNotFoundException "User pool &lt;id&gt; does not exist." (observed:
   * aws/aws-aspnet-cognito-identity-provider#135).
   */
  public UserPool pool(String poolId) {
    return pools
        .find(poolId)
        .orElseThrow(
            () ->
                ErrorCode.RESOURCE_NOT_FOUND.exception("User pool " + poolId + " does not exist."));
  }

  /**
   * ResourceNotFoundException "User pool client &lt;id&gt; does not exist." (observed raw:
   * aws/aws-sdk-php#2183).
   */
  public AppClient client(String poolId, String clientId) {
    return clients
        .find(poolId, clientId)
        .orElseThrow(
            () ->
                ErrorCode.RESOURCE_NOT_FOUND.exception(
                    "User pool client " + clientId + " does not exist."));
  }

  /** For public operations that carry only a ClientId. */
  public AppClient clientById(String clientId) {
    return clients
        .findByClientId(clientId)
        .orElseThrow(
            () ->
                ErrorCode.RESOURCE_NOT_FOUND.exception(
                    "User pool client " + clientId + " does not exist."));
  }
}
