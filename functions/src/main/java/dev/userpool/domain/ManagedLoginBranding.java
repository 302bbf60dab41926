package dev.userpool.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A managed login branding style, assigned to one app client (CreateManagedLoginBranding). {@code
 * settings} is the free-form Settings document as given (null when Cognito's defaults apply); each
 * asset is kept as its AssetType members (Category, ColorMode, Extension, Bytes as base64,
 * ResourceId).
 */
public record ManagedLoginBranding(
    String poolId,
    String brandingId,
    String clientId,
    boolean useCognitoProvidedValues,
    Object settings,
    List<Map<String, Object>> assets,
    Instant creationDate,
    Instant lastModifiedDate,
    long version) {

  public ManagedLoginBranding {
    assets = List.copyOf(assets);
  }
}
