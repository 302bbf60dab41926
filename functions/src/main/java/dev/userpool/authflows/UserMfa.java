package dev.userpool.authflows;

import dev.userpool.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's MFA state in {@code User.extensions()}: the members GetUser/AdminGetUser show verbatim
 * ({@code UserMFASettingList}, {@code PreferredMfaSetting}; absent when empty, as Cognito omits
 * them) and the private software token ({@code softwareToken}: the sealed verified secret, the
 * sealed secret awaiting verification, the friendly device name and the last time step accepted, so
 * a code is used once).
 */
public final class UserMfa {
  static final String SETTINGS = "UserMFASettingList";
  static final String PREFERRED = "PreferredMfaSetting";
  static final String TOKEN = "softwareToken";
  static final String LEGACY_OPTIONS = "MFAOptions";

  /**
   * The software token as stored: secrets sealed (see {@link SoftwareTokenSecrets}), never in the
   * clear.
   */
  public record SoftwareToken(
      String sealedSecret, String sealedPending, String friendlyName, long lastStep) {
    static final SoftwareToken NONE = new SoftwareToken(null, null, null, Long.MIN_VALUE);

    public boolean verified() {
      return sealedSecret != null;
    }

    @Override
    public String toString() {
      return "SoftwareToken[verified=" + verified() + "]";
    }
  }

  private UserMfa() {}

  /** The factors the user enabled (UserMFASettingList). */
  public static List<String> enabled(User user) {
    List<String> out = new ArrayList<>();
    if (user.extensions().get(SETTINGS) instanceof List<?> list) {
      list.forEach(f -> out.add(String.valueOf(f)));
    }
    return out;
  }

  /** Whether the legacy MFAOptions (SetUserSettings) turn SMS MFA on. */
  public static boolean legacySms(User user) {
    return user.extensions().get(LEGACY_OPTIONS) instanceof List<?> list && !list.isEmpty();
  }

  /** The user with these legacy MFAOptions (removed when empty). */
  public static User withLegacyOptions(User user, List<Map<String, String>> options, Instant now) {
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    if (options.isEmpty()) {
      ext.remove(LEGACY_OPTIONS);
    } else {
      ext.put(LEGACY_OPTIONS, List.copyOf(options));
    }
    return user.withExtensions(ext, now);
  }

  public static Optional<String> preferred(User user) {
    return Optional.ofNullable(user.extensions().get(PREFERRED)).map(String::valueOf);
  }

  public static SoftwareToken softwareToken(User user) {
    if (!(user.extensions().get(TOKEN) instanceof Map<?, ?> m)) {
      return SoftwareToken.NONE;
    }
    return new SoftwareToken(
        (String) m.get("secret"),
        (String) m.get("pending"),
        (String) m.get("name"),
        m.get("lastStep") instanceof Number n ? n.longValue() : Long.MIN_VALUE);
  }

  /** The user with these enabled factors and preference (each removed when empty). */
  public static User withPreferences(
      User user, List<String> enabled, String preferred, Instant now) {
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    if (enabled.isEmpty()) {
      ext.remove(SETTINGS);
    } else {
      ext.put(SETTINGS, List.copyOf(enabled));
    }
    if (preferred == null) {
      ext.remove(PREFERRED);
    } else {
      ext.put(PREFERRED, preferred);
    }
    return user.withExtensions(ext, now);
  }

  static User withSoftwareToken(User user, SoftwareToken token, Instant modified) {
    Map<String, Object> stored = new LinkedHashMap<>();
    putIfSet(stored, "secret", token.sealedSecret());
    putIfSet(stored, "pending", token.sealedPending());
    putIfSet(stored, "name", token.friendlyName());
    if (token.lastStep() != Long.MIN_VALUE) {
      stored.put("lastStep", token.lastStep());
    }
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    ext.put(TOKEN, stored);
    return user.withExtensions(ext, modified);
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
