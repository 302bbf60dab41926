package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.FederatedLink;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.oauth.federation.ExternalIdentity;
import dev.userpool.oauth.federation.IdentitiesAttribute;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.FederatedLinkStore;
import dev.userpool.store.IdentityProviderStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito AdminLinkProviderForUser: from now on, federated sign-in of SourceUser (an identity at
 * one of the pool's providers, named by Cognito_Subject) lands on DestinationUser, an existing user
 * of the pool (ProviderName Cognito, its username). The link is stored, then the identity is added
 * to the destination's {@code identities} attribute (the link is removed again if that fails).
 *
 * <p>Refused as Cognito refuses (InvalidParameterException): a Cognito SourceUser (observed text,
 * aws-amplify/amplify-js#13334), and a SourceUser that already signed in as a user of its own
 * (observed text, aws/aws-sdk-net#1000) or is already linked; a destination that already has an
 * identity of that provider (observed refusal, boto/boto3#4163; the text is ours).
 */
public final class AdminLinkProviderForUser implements Operation {
  static final String MERGING =
      "Merging is not currently supported, provide a SourceUser that has not been signed up in"
          + " order to link";

  private final Lookups lookups;
  private final IdentityProviderStore providers;
  private final UserDirectory users;
  private final FederatedLinkStore links;

  public AdminLinkProviderForUser(
      Lookups lookups,
      IdentityProviderStore providers,
      UserDirectory users,
      FederatedLinkStore links) {
    this.lookups = lookups;
    this.providers = providers;
    this.users = users;
    this.links = links;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    ProviderUserIdentifier destination = ProviderUserIdentifier.of(in, "DestinationUser");
    ProviderUserIdentifier source = ProviderUserIdentifier.of(in, "SourceUser");
    if (source.cognito()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid SourceUser: Cognito users with a username/password may not be passed in as a"
              + " SourceUser, only as a DestinationUser");
    }
    if (!destination.cognito()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid DestinationUser: ProviderName must be Cognito."); // unconfirmed text
    }
    if (source.attributeName() != null
        && !source.attributeName().equals(ProviderUserIdentifier.COGNITO_SUBJECT)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid SourceUser: only Cognito_Subject is supported as ProviderAttributeName.");
    }
    IdentityProvider provider =
        providers
            .find(pool.id(), source.providerName())
            .orElseThrow(() -> IdentityProviderView.notFound(source.providerName()));
    User target = users.require(pool, destination.attributeValue());
    String subject = source.attributeValue();
    ExternalIdentity identity =
        new ExternalIdentity(provider.name(), provider.type(), subject, null, Map.of());
    Optional<FederatedLink> existing = links.find(pool.id(), provider.name(), subject);
    if (existing.isPresent()
        && users.store().findBySub(pool.id(), existing.get().sub()).isEmpty()) {
      // the linked user was deleted since: the identity is free again
      links.delete(pool.id(), provider.name(), subject);
      existing = Optional.empty();
    }
    if (users.find(pool, identity.username()).isPresent() || existing.isPresent()) {
      throw ErrorCode.INVALID_PARAMETER.exception(MERGING);
    }
    if (IdentitiesAttribute.hasProvider(
        target.attribute(IdentitiesAttribute.NAME), provider.name())) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid SourceUser: the DestinationUser is already linked to a user of "
              + provider.name()
              + ".");
    }
    if (!links.create(
        new FederatedLink(pool.id(), provider.name(), subject, target.sub(), ctx.now()))) {
      throw ErrorCode.INVALID_PARAMETER.exception(MERGING); // linked meanwhile
    }
    try {
      users.update(
          pool,
          target,
          u -> {
            Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
            attributes.put(
                IdentitiesAttribute.NAME,
                IdentitiesAttribute.with(
                    u.attribute(IdentitiesAttribute.NAME),
                    provider.name(),
                    provider.type(),
                    subject,
                    null,
                    false,
                    ctx.now()));
            return u.withAttributes(attributes, ctx.now());
          });
    } catch (RuntimeException e) {
      links.delete(pool.id(), provider.name(), subject);
      throw e;
    }
    return Json.object();
  }
}
