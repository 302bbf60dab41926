package dev.userpool.operations.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.FederatedLink;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.oauth.federation.IdentitiesAttribute;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.FederatedLinkStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito AdminDisableProviderForUser: the external identity User (ProviderName, Cognito_Subject)
 * can no longer sign in as it did. A link made by AdminLinkProviderForUser is removed, with the
 * identity in the linked user's {@code identities} attribute, so the next sign-in becomes a new
 * user of its own (API reference: "any link between that user and an existing user is removed"). A
 * federated user of its own ({@code <ProviderName>_<subject>}) is disabled (Enabled false). Nothing
 * to disable is not an error (unconfirmed).
 */
public final class AdminDisableProviderForUser implements Operation {
  private final Lookups lookups;
  private final UserDirectory users;
  private final FederatedLinkStore links;

  public AdminDisableProviderForUser(
      Lookups lookups, UserDirectory users, FederatedLinkStore links) {
    this.lookups = lookups;
    this.users = users;
    this.links = links;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    ProviderUserIdentifier user = ProviderUserIdentifier.of(in, "User");
    if (user.cognito()
        || (user.attributeName() != null
            && !user.attributeName().equals(ProviderUserIdentifier.COGNITO_SUBJECT))) {
      // native users and attribute-based lookups are not offered here (unconfirmed text)
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid User: only an external provider's Cognito_Subject can be disabled.");
    }
    String provider = user.providerName();
    String subject = user.attributeValue();
    Optional<FederatedLink> link = links.find(pool.id(), provider, subject);
    if (link.isPresent()) {
      links.delete(pool.id(), provider, subject);
      users
          .store()
          .findBySub(pool.id(), link.get().sub())
          .ifPresent(linked -> users.update(pool, linked, u -> without(u, provider, subject, ctx)));
      return Json.object();
    }
    users
        .find(pool, provider + "_" + subject)
        .ifPresent(
            federated -> users.update(pool, federated, u -> u.withEnabled(false, ctx.now())));
    return Json.object();
  }

  private static User without(User user, String provider, String subject, OperationContext ctx) {
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    String rest =
        IdentitiesAttribute.without(attributes.get(IdentitiesAttribute.NAME), provider, subject);
    if (rest == null) {
      attributes.remove(IdentitiesAttribute.NAME);
    } else {
      attributes.put(IdentitiesAttribute.NAME, rest);
    }
    return user.withAttributes(attributes, ctx.now());
  }
}
