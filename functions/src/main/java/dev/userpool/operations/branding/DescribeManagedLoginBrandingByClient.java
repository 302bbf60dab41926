package dev.userpool.operations.branding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ManagedLoginBrandingStore;

/** Cognito DescribeManagedLoginBrandingByClient: the style assigned to an app client. */
public final class DescribeManagedLoginBrandingByClient implements Operation {
  private final Lookups lookups;
  private final ManagedLoginBrandingStore brandings;

  public DescribeManagedLoginBrandingByClient(
      Lookups lookups, ManagedLoginBrandingStore brandings) {
    this.lookups = lookups;
    this.brandings = brandings;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String clientId = lookups.client(poolId, in.string("ClientId")).clientId();
    return BrandingView.wrapped(
        brandings
            .findByClient(poolId, clientId)
            .orElseThrow(() -> BrandingView.notFound("for client " + clientId)));
  }
}
