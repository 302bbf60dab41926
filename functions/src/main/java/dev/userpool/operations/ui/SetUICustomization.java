package dev.userpool.operations.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UiCustomization;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UiCustomizationStore;
import java.util.Base64;

/**
 * Cognito SetUICustomization: CSS and logo of the pool (ClientId ALL or absent) or of one client,
 * replaced together ("You can't set CSS and logo customization separately", developer guide). The
 * logo is at most {@link #MAX_IMAGE_BYTES} (developer guide: "The maximum allowable size for a logo
 * image file is 100 KB"); the CSS is checked by {@link CustomizationCss}. Cognito also requires the
 * pool to have a domain; domains are another branch's work, so that check is not made here (noted
 * in the report).
 */
public final class SetUICustomization implements Operation {
  static final int MAX_IMAGE_BYTES = 100 * 1024;

  private final Lookups lookups;
  private final UiCustomizationStore customizations;

  public SetUICustomization(Lookups lookups, UiCustomizationStore customizations) {
    this.lookups = lookups;
    this.customizations = customizations;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String clientId = clientId(in, lookups, pool);
    String css = in.optString("CSS").orElse(null);
    if (css != null) {
      CustomizationCss.check(css);
    }
    byte[] image = in.optString("ImageFile").map(SetUICustomization::decode).orElse(null);
    if (image != null && image.length > MAX_IMAGE_BYTES) {
      throw ErrorCode.INVALID_PARAMETER.exception("ImageFile must not be larger than 100 KB.");
    }
    UiCustomization c =
        new UiCustomization(
            pool.id(),
            clientId,
            css,
            image,
            customizations
                .find(pool.id(), clientId)
                .map(UiCustomization::creationDate)
                .orElse(ctx.now()),
            ctx.now());
    customizations.put(c);
    return UiCustomizationView.wrapped(c);
  }

  /**
   * ALL for the pool-wide customization; otherwise a client of the pool (ResourceNotFoundException
   * if not).
   */
  static String clientId(Input in, Lookups lookups, UserPool pool) {
    String clientId = in.optString("ClientId").orElse(UiCustomization.ALL);
    if (!clientId.equals(UiCustomization.ALL)) {
      lookups.client(pool.id(), clientId);
    }
    return clientId;
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.SERIALIZATION.exception("ImageFile is not valid base64.");
    }
  }
}
