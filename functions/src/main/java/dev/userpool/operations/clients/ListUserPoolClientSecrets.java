package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.ClientSecret;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito ListUserPoolClientSecrets: the ids and creation dates of a client's secrets, oldest
 * first, never their values, and no NextToken — there are at most two (API reference). A public
 * client has none: an empty list.
 */
public final class ListUserPoolClientSecrets implements Operation {
  private final Lookups lookups;

  public ListUserPoolClientSecrets(Lookups lookups) {
    this.lookups = lookups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    AppClient client =
        lookups.client(lookups.pool(in.string("UserPoolId")).id(), in.string("ClientId"));
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("ClientSecrets");
    for (ClientSecret secret : client.secrets()) {
      list.addObject()
          .put("ClientSecretId", secret.id())
          .put("ClientSecretCreateDate", Json.epochSeconds(secret.createdAt()));
    }
    return out;
  }
}
