package dev.userpool.operations.branding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The style content of a Create/UpdateManagedLoginBranding request, checked:
 * UseCognitoProvidedValues true excludes Settings and Assets ("When you specify true for this
 * option, you must also omit values for Settings and Assets", API reference); an asset's Category
 * and ColorMode pair appears once; the stored style fits one item of the table (350 KB — DynamoDB
 * items hold 400 KB; Cognito's own limit is a 2 MB request). Messages are ours.
 */
record BrandingContent(
    boolean useCognitoProvidedValues,
    Object settings,
    List<Map<String, Object>> assets,
    boolean settingsGiven,
    boolean assetsGiven) {
  static final int MAX_STORED_BYTES = 350_000;

  static BrandingContent from(Input in) {
    boolean cognitoValues = in.optBoolean("UseCognitoProvidedValues").orElse(false);
    boolean settingsGiven = in.has("Settings");
    boolean assetsGiven = in.has("Assets");
    if (cognitoValues && (settingsGiven || assetsGiven)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Settings and Assets must be omitted when UseCognitoProvidedValues is true.");
    }
    Object settings =
        settingsGiven
            ? Json.mapper().convertValue(in.optNode("Settings").get(), Object.class)
            : null;
    List<Map<String, Object>> assets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode asset : in.optNode("Assets").map(n -> (Iterable<JsonNode>) n).orElse(List.of())) {
      String slot = asset.path("Category").asText() + "/" + asset.path("ColorMode").asText();
      if (!seen.add(slot)) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Duplicate asset for category and color mode " + slot + ".");
      }
      assets.add(Json.toMap(asset));
    }
    return new BrandingContent(cognitoValues, settings, assets, settingsGiven, assetsGiven);
  }

  static void requireStorable(Object settings, List<Map<String, Object>> assets) {
    int size =
        Json.write(Json.tree(Map.of("s", settings == null ? Map.of() : settings, "a", assets)))
            .length();
    if (size > MAX_STORED_BYTES) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "The branding style is larger than the "
              + MAX_STORED_BYTES
              + " bytes Userpool stores per style.");
    }
  }
}
