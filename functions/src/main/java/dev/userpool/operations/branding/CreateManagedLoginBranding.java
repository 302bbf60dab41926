package dev.userpool.operations.branding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.ManagedLoginBranding;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ClientSlotTakenException;
import dev.userpool.store.ManagedLoginBrandingStore;
import java.security.SecureRandom;

/**
 * Cognito CreateManagedLoginBranding: a style assigned to one app client ("Each style is linked to
 * an app client until you delete it"); a second style for the client is
 * ManagedLoginBrandingExistsException (message ours).
 */
public final class CreateManagedLoginBranding implements Operation {
  private final Lookups lookups;
  private final ManagedLoginBrandingStore brandings;
  private final SecureRandom random;

  public CreateManagedLoginBranding(
      Lookups lookups, ManagedLoginBrandingStore brandings, SecureRandom random) {
    this.lookups = lookups;
    this.brandings = brandings;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = lookups.pool(in.string("UserPoolId")).id();
    String clientId = lookups.client(poolId, in.string("ClientId")).clientId();
    BrandingContent content = BrandingContent.from(in);
    BrandingContent.requireStorable(content.settings(), content.assets());
    ManagedLoginBranding created =
        new ManagedLoginBranding(
            poolId,
            Identifiers.sub(random),
            clientId,
            content.useCognitoProvidedValues(),
            content.settings(),
            content.assets(),
            ctx.now(),
            ctx.now(),
            0);
    try {
      brandings.create(created);
    } catch (ClientSlotTakenException e) {
      throw ErrorCode.MANAGED_LOGIN_BRANDING_EXISTS.exception(
          "A managed login branding style already exists for client " + clientId + ".");
    }
    return BrandingView.wrapped(created);
  }
}
