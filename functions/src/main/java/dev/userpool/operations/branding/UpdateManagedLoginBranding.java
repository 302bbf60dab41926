package dev.userpool.operations.branding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.ManagedLoginBranding;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ManagedLoginBrandingStore;

/**
 * Cognito UpdateManagedLoginBranding: Settings and Assets the request carries replace the stored
 * ones; the others stay ("preserves existing style settings that you don't specify", API
 * reference). UseCognitoProvidedValues true reverts the style to Cognito's defaults. The model
 * marks no member required, yet a style is named by pool and id: without them the answer is
 * InvalidParameterException in Cognito's validation wording.
 */
public final class UpdateManagedLoginBranding implements Operation {
  private final Lookups lookups;
  private final ManagedLoginBrandingStore brandings;

  public UpdateManagedLoginBranding(Lookups lookups, ManagedLoginBrandingStore brandings) {
    this.lookups = lookups;
    this.brandings = brandings;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    for (String member : new String[] {"UserPoolId", "ManagedLoginBrandingId"}) {
      if (!in.has(member)) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "1 validation error detected: Value null at '"
                + Character.toLowerCase(member.charAt(0))
                + member.substring(1)
                + "' failed to satisfy constraint: Member must not be null");
      }
    }
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String id = in.string("ManagedLoginBrandingId");
    BrandingContent content = BrandingContent.from(in);
    ManagedLoginBranding saved =
        Retries.onStaleWrite(
            () -> {
              ManagedLoginBranding current =
                  brandings.find(poolId, id).orElseThrow(() -> BrandingView.notFound(id));
              ManagedLoginBranding changed =
                  content.useCognitoProvidedValues()
                      ? new ManagedLoginBranding(
                          poolId,
                          id,
                          current.clientId(),
                          true,
                          null,
                          java.util.List.of(),
                          current.creationDate(),
                          ctx.now(),
                          current.version())
                      : new ManagedLoginBranding(
                          poolId,
                          id,
                          current.clientId(),
                          false,
                          content.settingsGiven() ? content.settings() : current.settings(),
                          content.assetsGiven() ? content.assets() : current.assets(),
                          current.creationDate(),
                          ctx.now(),
                          current.version());
              BrandingContent.requireStorable(changed.settings(), changed.assets());
              return brandings.update(changed);
            });
    return BrandingView.wrapped(saved);
  }
}
