package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.IdentityProviderStore;

/** Cognito GetIdentityProviderByIdentifier: the provider that lists IdpIdentifier. */
public final class GetIdentityProviderByIdentifier implements Operation {
  private final Lookups lookups;
  private final IdentityProviderStore providers;

  public GetIdentityProviderByIdentifier(Lookups lookups, IdentityProviderStore providers) {
    this.lookups = lookups;
    this.providers = providers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String identifier = in.string("IdpIdentifier");
    return IdentityProviderView.wrapped(
        providers
            .findByIdentifier(pool.id(), identifier)
            .orElseThrow(() -> IdentityProviderView.notFound("with identifier " + identifier)));
  }
}
