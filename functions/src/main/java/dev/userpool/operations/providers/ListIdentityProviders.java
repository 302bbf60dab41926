package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.Page;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.IdentityProviderStore;

/**
 * Cognito ListIdentityProviders: ProviderDescriptions in name order (Cognito's order unconfirmed),
 * MaxResults 1–60.
 */
public final class ListIdentityProviders implements Operation {
  private final Lookups lookups;
  private final IdentityProviderStore providers;

  public ListIdentityProviders(Lookups lookups, IdentityProviderStore providers) {
    this.lookups = lookups;
    this.providers = providers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    int limit = in.optInt("MaxResults").filter(l -> l > 0).orElse(IdentityProviderView.MAX_RESULTS);
    Page<IdentityProvider> page =
        providers.list(pool.id(), limit, in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("Providers");
    page.items().forEach(p -> list.add(IdentityProviderView.description(p)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
