package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UniqueKeyTakenException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cognito AdminUpdateUserAttributes: writes standard, custom and developer-only attributes and the verified flags.
 * {@code sub} and Mutable=false attributes cannot change; unknown names are rejected (see {@link AttributeRules}).
 *
 * <p>A changed email or phone_number is no longer verified: its {@code *_verified} flag becomes "false" unless the
 * same call sets the flag (facts §4.4, §4.7). Where the attribute is auto-verified Cognito would also send a code
 * to the new value; codes arrive with a later issue, so nothing is sent and the (empty) response claims nothing.
 * In alias pools the verified value is a unique key: a collision is AliasExistsException.
 */
public final class AdminUpdateUserAttributes implements Operation {
  private static final List<String> VERIFIABLE = List.of("email", "phone_number");

  private final Lookups lookups;
  private final UserDirectory directory;

  public AdminUpdateUserAttributes(Lookups lookups, UserDirectory directory) {
    this.lookups = lookups;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    Map<String, String> changes = in.attributes("UserAttributes");
    User user = directory.require(pool, in.string("Username"));
    AttributeRules rules = AttributeRules.of(pool);
    List<String> autoVerified = pool.view().autoVerifiedAttributes();
    try {
      directory.update(pool, user, u -> {
        rules.checkUpdate(u, changes);
        return u.withAttributes(apply(u, changes, autoVerified), ctx.now());
      });
    } catch (UniqueKeyTakenException e) {
      throw UserDirectory.aliasTaken(e);
    }
    return Json.object();
  }

  /** The user's attributes after {@code changes}, with verified flags reset for changed email/phone values. */
  static Map<String, String> apply(User user, Map<String, String> changes, List<String> autoVerified) {
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    attributes.putAll(changes);
    for (String name : VERIFIABLE) {
      String flag = name + "_verified";
      boolean changed = changes.containsKey(name) && !changes.get(name).equals(user.attribute(name));
      boolean flagged = autoVerified.contains(name) || user.attribute(flag) != null;
      if (changed && !changes.containsKey(flag) && flagged) {
        attributes.put(flag, "false");
      }
    }
    return attributes;
  }

}
