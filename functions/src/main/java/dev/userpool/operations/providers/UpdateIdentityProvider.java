package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.UserPool;
import dev.userpool.oauth.federation.ApplePrivateKeys;
import dev.userpool.oauth.federation.SocialProviders;
import dev.userpool.oauth.saml.EncryptionKeys;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.IdentityProviderStore;

/**
 * Cognito UpdateIdentityProvider: each of ProviderDetails, AttributeMapping and IdpIdentifiers that
 * is given replaces the stored one (ProviderDetails checked as on create); absent members are kept.
 * New identifiers must be free in the pool (DuplicateProviderException). A SAML provider keeps its
 * encryption key pair.
 */
public final class UpdateIdentityProvider implements Operation {
  private final Lookups lookups;
  private final IdentityProviderStore providers;
  private final OidcDiscovery discovery;
  private final ApplePrivateKeys appleKeys;
  private final EncryptionKeys encryptionKeys;

  public UpdateIdentityProvider(
      Lookups lookups,
      IdentityProviderStore providers,
      OidcDiscovery discovery,
      ApplePrivateKeys appleKeys,
      EncryptionKeys encryptionKeys) {
    this.lookups = lookups;
    this.providers = providers;
    this.discovery = discovery;
    this.appleKeys = appleKeys;
    this.encryptionKeys = encryptionKeys;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    IdentityProvider before =
        IdentityProviderView.require(providers, pool.id(), in.string("ProviderName"));
    IdentityProvider after =
        new IdentityProvider(
            pool.id(),
            before.name(),
            before.type(),
            in.has("ProviderDetails") ? givenDetails(in, before) : before.details(),
            in.has("AttributeMapping")
                ? in.stringMap("AttributeMapping")
                : before.attributeMapping(),
            in.has("IdpIdentifiers")
                ? CreateIdentityProvider.identifiers(in)
                : before.idpIdentifiers(),
            before.creationDate(),
            ctx.now(),
            before.version());
    ProviderDetailsCheck.check(after.type(), after.details());
    if (after.type().equals("OIDC") && in.has("ProviderDetails")) {
      after = CreateIdentityProvider.withDetails(after, discovery.complete(after.details()));
    }
    after =
        CreateIdentityProvider.withDetails(
            after, SocialProviders.storedDetails(after.type(), after.details()));
    after =
        CreateIdentityProvider.withDetails(
            after,
            encryptionKeys.stored(
                after.type(),
                pool.id(),
                after.name(),
                after.details(),
                before.details(),
                ctx.now()));
    after =
        CreateIdentityProvider.withDetails(
            after, appleKeys.sealed(after.type(), pool.id(), after.details()));
    if (!providers.update(before, after)) {
      throw IdentityProviderView.duplicate();
    }
    return IdentityProviderView.wrapped(after);
  }

  /**
   * The ProviderDetails given; for Sign in with Apple without a private_key, the stored (sealed)
   * one is kept, since Describe never shows it and a describe-then-update round trip cannot repeat
   * it (what Cognito does here is unconfirmed; docs/fidelity.md).
   */
  private static java.util.Map<String, String> givenDetails(Input in, IdentityProvider before) {
    java.util.Map<String, String> given = in.stringMap("ProviderDetails");
    String stored = before.details().get(ApplePrivateKeys.DETAIL);
    if (!before.type().equals(SocialProviders.APPLE)
        || given.containsKey(ApplePrivateKeys.DETAIL)
        || stored == null) {
      return given;
    }
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>(given);
    out.put(ApplePrivateKeys.DETAIL, stored);
    return out;
  }
}
