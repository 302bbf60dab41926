package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.UserPool;
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
  private final EncryptionKeys encryptionKeys;

  public UpdateIdentityProvider(
      Lookups lookups,
      IdentityProviderStore providers,
      OidcDiscovery discovery,
      EncryptionKeys encryptionKeys) {
    this.lookups = lookups;
    this.providers = providers;
    this.discovery = discovery;
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
            in.has("ProviderDetails") ? in.stringMap("ProviderDetails") : before.details(),
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
    if (!providers.update(before, after)) {
      throw IdentityProviderView.duplicate();
    }
    return IdentityProviderView.wrapped(after);
  }
}
