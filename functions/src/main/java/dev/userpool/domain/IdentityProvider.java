package dev.userpool.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An identity provider of a user pool (CreateIdentityProvider): its name (unique in the pool),
 * ProviderType, ProviderDetails and AttributeMapping as string maps, and IdpIdentifiers (each
 * unique in the pool).
 */
public record IdentityProvider(
    String userPoolId,
    String name,
    String type,
    Map<String, String> details,
    Map<String, String> attributeMapping,
    List<String> idpIdentifiers,
    Instant creationDate,
    Instant lastModifiedDate,
    long version) {

  public IdentityProvider {
    details = Map.copyOf(details);
    attributeMapping = Map.copyOf(attributeMapping);
    idpIdentifiers = List.copyOf(idpIdentifiers);
  }

  public IdentityProvider withVersion(long newVersion) {
    return new IdentityProvider(
        userPoolId,
        name,
        type,
        details,
        attributeMapping,
        idpIdentifiers,
        creationDate,
        lastModifiedDate,
        newVersion);
  }
}
