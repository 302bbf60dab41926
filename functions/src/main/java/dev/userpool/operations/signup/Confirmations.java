package dev.userpool.operations.signup;

import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.store.UniqueKeyTakenException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A verified email or phone becomes an alias the user claims (in alias pools). Confirming it when
 * another user already holds it fails with AliasExistsException, unless ForceAliasCreation moves
 * it: the previous holder keeps the value but loses its verified flag (API reference,
 * ForceAliasCreation).
 */
final class Confirmations {
  private Confirmations() {}

  /**
   * Checks (and with {@code force} frees) every key {@code after} claims that {@code before} does
   * not.
   */
  static void claimAliases(
      UserDirectory directory, UserPool pool, User before, User after, boolean force) {
    Set<UniqueKey> already = UserDirectory.keys(pool, before);
    for (UniqueKey key : UserDirectory.keys(pool, after)) {
      if (already.contains(key)) {
        continue;
      }
      var holder =
          directory.store().findByKey(pool.id(), key).filter(h -> !h.sub().equals(after.sub()));
      if (holder.isEmpty()) {
        continue;
      }
      if (!force) {
        throw UserDirectory.aliasTaken(new UniqueKeyTakenException(key));
      }
      String flag = key.kind() == UniqueKey.Kind.EMAIL ? "email_verified" : "phone_number_verified";
      directory.update(
          pool,
          holder.get(),
          u -> {
            Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
            attributes.put(flag, "false");
            return u.withAttributes(attributes, u.lastModifiedDate());
          });
    }
  }

  /** The attribute a code was sent to, if the user still has that value; null otherwise. */
  static String verifiedAttribute(User user, String destination) {
    if (destination == null) {
      return null;
    }
    if (destination.equals(user.attribute("phone_number"))) {
      return "phone_number";
    }
    if (destination.equals(user.attribute("email"))) {
      return "email";
    }
    return null;
  }
}
