package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.AppClientStore;
import dev.userpool.store.ResourceServerStore;
import java.security.SecureRandom;

/**
 * Cognito CreateUserPoolClient: a client with Cognito's defaults, and a secret when GenerateSecret
 * is true.
 */
public final class CreateUserPoolClient implements Operation {
  private final Lookups lookups;
  private final AppClientStore clients;
  private final ResourceServerStore resourceServers;
  private final SecureRandom random;

  public CreateUserPoolClient(
      Lookups lookups,
      AppClientStore clients,
      ResourceServerStore resourceServers,
      SecureRandom random) {
    this.lookups = lookups;
    this.clients = clients;
    this.resourceServers = resourceServers;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    boolean withSecret = in.optBoolean("GenerateSecret").orElse(false) || in.has("ClientSecret");
    String secret =
        withSecret
            ? in.optString("ClientSecret").orElseGet(() -> Identifiers.clientSecret(random))
            : null;
    var settings = AppClientDefaults.from(in, pool, withSecret, true);
    OAuthClientSettings.check(settings, pool.id(), resourceServers);
    AppClient client =
        new AppClient(
            pool.id(),
            Identifiers.clientId(random),
            in.string("ClientName"),
            secret,
            ctx.now(),
            ctx.now(),
            settings,
            0);
    clients.create(client);
    ObjectNode out = Json.object();
    out.set("UserPoolClient", AppClientView.full(client));
    return out;
  }
}
