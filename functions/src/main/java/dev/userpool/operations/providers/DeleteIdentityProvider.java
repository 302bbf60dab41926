package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.IdentityProviderStore;

/**
 * Cognito DeleteIdentityProvider: removes the provider and frees its identifiers. App clients that
 * list it in SupportedIdentityProviders are left as they are: what Cognito does with them is
 * (unconfirmed).
 */
public final class DeleteIdentityProvider implements Operation {
  private final Lookups lookups;
  private final IdentityProviderStore providers;

  public DeleteIdentityProvider(Lookups lookups, IdentityProviderStore providers) {
    this.lookups = lookups;
    this.providers = providers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    providers.delete(IdentityProviderView.require(providers, pool.id(), in.string("ProviderName")));
    return Json.object();
  }
}
