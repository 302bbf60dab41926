package dev.userpool.operations.branding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.ManagedLoginBranding;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;

/**
 * Renders a style as ManagedLoginBrandingType. Userpool has no copy of Cognito's default style, so
 * ReturnMergedResources changes nothing: the answer holds what was customized (documented gap).
 */
final class BrandingView {
  private BrandingView() {}

  static ObjectNode wrapped(ManagedLoginBranding b) {
    ObjectNode o = Json.object();
    o.put("ManagedLoginBrandingId", b.brandingId());
    o.put("UserPoolId", b.poolId());
    o.put("UseCognitoProvidedValues", b.useCognitoProvidedValues());
    if (b.settings() != null) {
      o.set("Settings", Json.tree(b.settings()));
    }
    o.set("Assets", Json.tree(b.assets()));
    o.put("CreationDate", Json.epochSeconds(b.creationDate()));
    o.put("LastModifiedDate", Json.epochSeconds(b.lastModifiedDate()));
    ObjectNode out = Json.object();
    out.set("ManagedLoginBranding", o);
    return out;
  }

  /** ResourceNotFoundException for an unknown style (message ours). */
  static RuntimeException notFound(String what) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception(
        "Managed login branding " + what + " does not exist.");
  }
}
