package dev.userpool.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.ImportedUserPasswords;
import dev.userpool.authflows.SourcePasswords;
import dev.userpool.crypto.SecretHash;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import dev.userpool.store.AppClientStore;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Asks the Cognito pool a user was imported from (same pool id) whether a password is right:
 * AdminInitiateAuth with ADMIN_USER_PASSWORD_AUTH through the app client the import chose, signed
 * with this process's AWS credentials (the deployment's role in AWS). Any answer but a refusal —
 * tokens, or a challenge such as NEW_PASSWORD_REQUIRED or an MFA step — means the password was
 * right.
 */
public final class CognitoSourcePasswords implements SourcePasswords {
  /** The source's answers for a password it does not accept for this user. */
  private static final Set<String> REFUSALS =
      Set.of("NotAuthorizedException", "UserNotFoundException");

  private final AppClientStore clients;
  private final BiFunction<String, String, CognitoApi> apis;

  /**
   * @param apis the API client for an endpoint (null: AWS's) and a region
   */
  public CognitoSourcePasswords(
      AppClientStore clients, BiFunction<String, String, CognitoApi> apis) {
    this.clients = clients;
    this.apis = apis;
  }

  @Override
  public boolean accepts(UserPool pool, User user, String password) {
    if (!(user.extensions().get(ImportedUserPasswords.EXTENSION) instanceof Map<?, ?> source)
        || !(source.get("clientId") instanceof String clientId)) {
      return false;
    }
    String endpoint = source.get("endpoint") instanceof String e ? e : null;
    ObjectNode parameters = Json.object();
    parameters.put("USERNAME", user.username());
    parameters.put("PASSWORD", password);
    clients
        .find(pool.id(), clientId)
        .filter(AppClient::hasSecret)
        .ifPresent(
            client ->
                parameters.put(
                    "SECRET_HASH",
                    SecretHash.compute(client.clientSecret(), user.username(), clientId)));
    ObjectNode request = Json.object();
    request.put("UserPoolId", pool.id());
    request.put("ClientId", clientId);
    request.put("AuthFlow", "ADMIN_USER_PASSWORD_AUTH");
    request.set("AuthParameters", parameters);
    try {
      apis.apply(endpoint, pool.region()).call("AdminInitiateAuth", request);
      return true;
    } catch (CognitoApiException e) {
      if (REFUSALS.contains(e.type())) {
        return false;
      }
      throw ErrorCode.INTERNAL_ERROR.exception(
          "The user pool this user was imported from did not check the" + " password: " + e.type());
    } catch (UncheckedIOException e) {
      throw ErrorCode.INTERNAL_ERROR.exception(
          "The user pool this user was imported from cannot be reached.");
    }
  }
}
