package dev.userpool.operations.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UiCustomization;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UiCustomizationStore;

/**
 * Cognito GetUICustomization: the client's own customization, else the pool's (ALL), as the
 * developer guide describes the fallback ("If you specify ALL, the default configuration will be
 * used for every client that has no UI customization set"); with neither, only UserPoolId and
 * ClientId.
 */
public final class GetUICustomization implements Operation {
  private final Lookups lookups;
  private final UiCustomizationStore customizations;

  public GetUICustomization(Lookups lookups, UiCustomizationStore customizations) {
    this.lookups = lookups;
    this.customizations = customizations;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String clientId = SetUICustomization.clientId(in, lookups, pool);
    return customizations
        .find(pool.id(), clientId)
        .or(() -> customizations.find(pool.id(), UiCustomization.ALL))
        .map(UiCustomizationView::wrapped)
        .orElseGet(() -> UiCustomizationView.empty(pool.id(), clientId));
  }
}
