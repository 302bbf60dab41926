package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.IdentityProviderStore;

/** Cognito DescribeIdentityProvider: the provider by name. */
public final class DescribeIdentityProvider implements Operation {
  private final Lookups lookups;
  private final IdentityProviderStore providers;

  public DescribeIdentityProvider(Lookups lookups, IdentityProviderStore providers) {
    this.lookups = lookups;
    this.providers = providers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    return IdentityProviderView.wrapped(
        IdentityProviderView.require(providers, pool.id(), in.string("ProviderName")));
  }
}
