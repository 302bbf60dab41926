package dev.userpool.operations.codes;

import dev.userpool.authflows.ClientAuthSettings;
import dev.userpool.crypto.ClientSecretCheck;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import java.util.Optional;

/**
 * The start of every public (ClientId-addressed) code operation: the client and its pool, the
 * SecretHash for clients with a secret (sources §7.2), and the client's PreventUserExistenceErrors
 * (sources §8.3).
 */
public final class PublicClients {
  private final Lookups lookups;

  public PublicClients(Lookups lookups) {
    this.lookups = lookups;
  }

  /** A resolved public call. */
  public record Call(AppClient client, UserPool pool) {
    /** True when the client hides whether a user exists (ENABLED). */
    public boolean hidesUsers() {
      return new ClientAuthSettings(client).hidesUserExistence();
    }
  }

  public Call resolve(String clientId, String username, Optional<String> secretHash) {
    AppClient client = lookups.clientById(clientId);
    UserPool pool = lookups.pool(client.userPoolId());
    if (client.hasSecret()) {
      if (secretHash.isEmpty()) {
        // Seen for SignUp in public code that matches on it; sign-in flows word it differently
        // (SecretHashCheck).
        throw ErrorCode.NOT_AUTHORIZED.exception(
            "Client " + clientId + " is configured for secret but secret was not received");
      }
      if (!ClientSecretCheck.acceptsSecretHash(client, username, secretHash.get())) {
        throw ErrorCode.NOT_AUTHORIZED.exception(
            "Unable to verify secret hash for client " + clientId);
      }
    }
    return new Call(client, pool);
  }

  /** UserNotFoundException as the code operations answer it for unknown users (observed text). */
  public static RuntimeException userNotFound() {
    return ErrorCode.USER_NOT_FOUND.exception("Username/client id combination not found.");
  }
}
