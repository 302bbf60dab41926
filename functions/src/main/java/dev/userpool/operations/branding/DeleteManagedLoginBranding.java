package dev.userpool.operations.branding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ManagedLoginBrandingStore;

/** Cognito DeleteManagedLoginBranding: removes the style and frees its client for a new one. */
public final class DeleteManagedLoginBranding implements Operation {
  private final Lookups lookups;
  private final ManagedLoginBrandingStore brandings;

  public DeleteManagedLoginBranding(Lookups lookups, ManagedLoginBrandingStore brandings) {
    this.lookups = lookups;
    this.brandings = brandings;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String id = in.string("ManagedLoginBrandingId");
    brandings.delete(brandings.find(poolId, id).orElseThrow(() -> BrandingView.notFound(id)));
    return Json.object();
  }
}
