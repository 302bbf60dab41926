package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.errors.ErrorCode;
import dev.userpool.oauth.federation.SocialProviders;
import dev.userpool.oauth.saml.EncryptionKeys;
import dev.userpool.protocol.Json;
import dev.userpool.store.IdentityProviderStore;

/**
 * IdentityProviderType and ProviderDescription as Cognito's responses show them, and the shared
 * lookups.
 */
final class IdentityProviderView {
  /**
   * MaxResults of ListIdentityProviders: 1–60 (ListProvidersLimitType); absent means the maximum.
   */
  static final int MAX_RESULTS = 60;

  private IdentityProviderView() {}

  /** IdentityProviderType: every member, dates in epoch seconds. */
  static ObjectNode providerType(IdentityProvider p) {
    ObjectNode o = Json.object();
    o.put("UserPoolId", p.userPoolId());
    o.put("ProviderName", p.name());
    o.put("ProviderType", p.type());
    o.set(
        "ProviderDetails",
        Json.tree(EncryptionKeys.visible(SocialProviders.shownDetails(p.type(), p.details()))));
    o.set("AttributeMapping", Json.tree(p.attributeMapping()));
    o.set("IdpIdentifiers", Json.tree(p.idpIdentifiers()));
    o.put("LastModifiedDate", Json.epochSeconds(p.lastModifiedDate()));
    o.put("CreationDate", Json.epochSeconds(p.creationDate()));
    return o;
  }

  /** {"IdentityProvider": IdentityProviderType}. */
  static ObjectNode wrapped(IdentityProvider p) {
    ObjectNode o = Json.object();
    o.set("IdentityProvider", providerType(p));
    return o;
  }

  /** ProviderDescription, the list entry. */
  static ObjectNode description(IdentityProvider p) {
    ObjectNode o = Json.object();
    o.put("ProviderName", p.name());
    o.put("ProviderType", p.type());
    o.put("LastModifiedDate", Json.epochSeconds(p.lastModifiedDate()));
    o.put("CreationDate", Json.epochSeconds(p.creationDate()));
    return o;
  }

  static IdentityProvider require(IdentityProviderStore providers, String poolId, String name) {
    return providers.find(poolId, name).orElseThrow(() -> notFound(name));
  }

  /** ResourceNotFoundException; the text is ours (unconfirmed). */
  static RuntimeException notFound(String what) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception("Identity provider " + what + " does not exist.");
  }

  /** DuplicateProviderException; the text is ours (unconfirmed). */
  static RuntimeException duplicate() {
    return ErrorCode.DUPLICATE_PROVIDER.exception(
        "A provider with this name or identifier already exists.");
  }
}
