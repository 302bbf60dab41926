package dev.userpool.operations.users;

import dev.userpool.domain.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New email/phone_number values waiting for verification in pools whose {@code
 * UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate} lists the attribute
 * (sources §4.7): the old value stays the user's attribute (it still signs in and receives
 * messages) and the new one is kept here, in {@code User.extensions()["pendingAttributes"]} =
 * {name: value}, until VerifyUserAttribute applies it.
 */
public final class PendingAttributes {
  static final String KEY = "pendingAttributes";

  private PendingAttributes() {}

  /** The user's pending values by attribute name (empty when none). */
  public static Map<String, String> of(User user) {
    Map<String, String> out = new LinkedHashMap<>();
    if (user.extensions().get(KEY) instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            if (k instanceof String name && v instanceof String value) {
              out.put(name, value);
            }
          });
    }
    return out;
  }

  /** The pending value of {@code name}, or null. */
  public static String of(User user, String name) {
    return of(user).get(name);
  }

  /** The user with exactly {@code pending} as its pending values. */
  public static User with(User user, Map<String, String> pending, Instant now) {
    if (pending.equals(of(user))) {
      return user;
    }
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    if (pending.isEmpty()) {
      ext.remove(KEY);
    } else {
      ext.put(KEY, new LinkedHashMap<>(pending));
    }
    return user.withExtensions(ext, now);
  }
}
