package dev.userpool.operations.branding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ManagedLoginBrandingStore;

/** Cognito DescribeManagedLoginBranding: a style by pool and id. */
public final class DescribeManagedLoginBranding implements Operation {
  private final Lookups lookups;
  private final ManagedLoginBrandingStore brandings;

  public DescribeManagedLoginBranding(Lookups lookups, ManagedLoginBrandingStore brandings) {
    this.lookups = lookups;
    this.brandings = brandings;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String id = in.string("ManagedLoginBrandingId");
    return BrandingView.wrapped(
        brandings.find(poolId, id).orElseThrow(() -> BrandingView.notFound(id)));
  }
}
