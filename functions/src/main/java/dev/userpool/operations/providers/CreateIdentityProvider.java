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
import java.util.List;

/**
 * Cognito CreateIdentityProvider: a social provider named after its type, ProviderDetails checked
 * per ProviderType ({@link ProviderDetailsCheck}); the name and every IdpIdentifier must be free in
 * the pool (DuplicateProviderException otherwise), which the store enforces atomically. A SAML
 * provider gets its encryption key pair ({@link EncryptionKeys}).
 */
public final class CreateIdentityProvider implements Operation {
  private final Lookups lookups;
  private final IdentityProviderStore providers;
  private final OidcDiscovery discovery;
  private final ApplePrivateKeys appleKeys;
  private final EncryptionKeys encryptionKeys;

  public CreateIdentityProvider(
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
    String type = in.string("ProviderType");
    IdentityProvider provider =
        new IdentityProvider(
            pool.id(),
            in.string("ProviderName"),
            type,
            in.stringMap("ProviderDetails"),
            in.stringMap("AttributeMapping"),
            identifiers(in),
            ctx.now(),
            ctx.now(),
            0);
    ProviderDetailsCheck.checkName(provider.name(), type);
    ProviderDetailsCheck.check(type, provider.details());
    if (type.equals("OIDC")) {
      provider = withDetails(provider, discovery.complete(provider.details()));
    }
    provider = withDetails(provider, SocialProviders.storedDetails(type, provider.details()));
    provider =
        withDetails(
            provider,
            encryptionKeys.stored(
                type, pool.id(), provider.name(), provider.details(), null, ctx.now()));
    provider = withDetails(provider, appleKeys.sealed(type, pool.id(), provider.details()));
    if (!providers.create(provider)) {
      throw IdentityProviderView.duplicate();
    }
    return IdentityProviderView.wrapped(provider);
  }

  static IdentityProvider withDetails(IdentityProvider p, java.util.Map<String, String> details) {
    return new IdentityProvider(
        p.userPoolId(),
        p.name(),
        p.type(),
        details,
        p.attributeMapping(),
        p.idpIdentifiers(),
        p.creationDate(),
        p.lastModifiedDate(),
        p.version());
  }

  /**
   * IdpIdentifiers without repeats (a repeat within one request is the caller's own, not a clash).
   */
  static List<String> identifiers(Input in) {
    return in.strings("IdpIdentifiers").stream().distinct().toList();
  }
}
