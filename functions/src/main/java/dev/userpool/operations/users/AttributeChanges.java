package dev.userpool.operations.users;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.store.UniqueKeyTakenException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writing and deleting a user's attributes, shared by the admin operations (AdminUpdateUserAttributes,
 * AdminDeleteUserAttributes) and the signed-in user's own (UpdateUserAttributes, DeleteUserAttributes): the {@link
 * AttributeRules} checks, the version-checked update, the verified flags, and alias collisions.
 *
 * <p>A changed email or phone_number is no longer verified: its {@code *_verified} flag becomes "false" unless the
 * same call sets the flag (facts §4.4, §4.7). Where the attribute is auto-verified Cognito would also send a code
 * to the new value; codes arrive with a later issue, so nothing is sent and no caller may claim otherwise. In alias
 * pools the verified value is a unique key: a collision is AliasExistsException. Deleting email or phone_number
 * also drops its verified flag, which no longer describes a value (and so frees the alias).
 */
public final class AttributeChanges {
  private static final List<String> VERIFIABLE = List.of("email", "phone_number");

  private final UserDirectory directory;

  public AttributeChanges(UserDirectory directory) {
    this.directory = directory;
  }

  /** Applies {@code changes} (already checked for names and values once more inside the retry loop). */
  public User update(UserPool pool, User user, Map<String, String> changes, Instant now) {
    AttributeRules rules = AttributeRules.of(pool);
    List<String> autoVerified = pool.view().autoVerifiedAttributes();
    try {
      return directory.update(pool, user, u -> {
        rules.checkUpdate(u, changes);
        return u.withAttributes(apply(u, changes, autoVerified), now);
      });
    } catch (UniqueKeyTakenException e) {
      throw UserDirectory.aliasTaken(e);
    }
  }

  /** Removes {@code names}; the caller has checked them with {@link AttributeRules#checkDelete}. */
  public User delete(UserPool pool, User user, Collection<String> names, Instant now) {
    return directory.update(pool, user, u -> {
      Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
      for (String name : names) {
        attributes.remove(name);
        if (VERIFIABLE.contains(name)) {
          attributes.remove(name + "_verified");
        }
      }
      return u.withAttributes(attributes, now);
    });
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
