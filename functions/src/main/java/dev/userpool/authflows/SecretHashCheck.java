package dev.userpool.authflows;

import dev.userpool.crypto.ClientSecretCheck;
import dev.userpool.domain.AppClient;
import dev.userpool.errors.ErrorCode;
import java.util.Optional;

/**
 * SECRET_HASH for clients with a secret (sources §7.2): required, and computed over the username
 * the step names — USERNAME as typed when a flow starts, the internal username in challenge answers
 * and on refresh. Clients without a secret ignore it.
 */
final class SecretHashCheck {
  private SecretHashCheck() {}

  static void require(AppClient client, String username, Optional<String> given) {
    if (!client.hasSecret()) {
      return;
    }
    if (given.isEmpty()) {
      // The sign-in text of today (observed 2023-2024: aws-amplify/amplify-android#2504 for
      // InitiateAuth,
      // furaiev/amazon-cognito-identity-dart-2#249 for RespondToAuthChallenge); SignUp and the
      // other code operations
      // still word it "configured for secret but secret was not received" (PublicClients).
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "Client "
              + client.clientId()
              + " is configured with secret but SECRET_HASH was not received");
    }
    if (!ClientSecretCheck.acceptsSecretHash(client, username, given.get())) {
      throw ErrorCode.NOT_AUTHORIZED.exception(
          "Unable to verify secret hash for client " + client.clientId());
    }
  }
}
