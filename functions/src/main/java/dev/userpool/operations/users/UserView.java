package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.User;
import dev.userpool.protocol.Json;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user as Cognito's responses show it: UserType (AdminCreateUser, ListUsers) and the AdminGetUser
 * output. MFA members appear only when a later feature has stored them in the user's extensions.
 */
public final class UserView {
  /** Extension keys owned by the MFA feature; read here so responses show them once they exist. */
  static final String MFA_OPTIONS = "MFAOptions";

  static final String PREFERRED_MFA = "PreferredMfaSetting";
  static final String MFA_SETTINGS = "UserMFASettingList";

  private UserView() {}

  /**
   * UserType: Username, Attributes, UserCreateDate, UserLastModifiedDate, Enabled, UserStatus,
   * MFAOptions?.
   */
  public static ObjectNode userType(User user, Collection<String> attributesToGet) {
    ObjectNode o = Json.object();
    o.put("Username", user.username());
    o.set("Attributes", attributes(user, attributesToGet));
    o.put("UserCreateDate", Json.epochSeconds(user.creationDate()));
    o.put("UserLastModifiedDate", Json.epochSeconds(user.lastModifiedDate()));
    o.put("Enabled", user.enabled());
    o.put("UserStatus", user.status().name());
    putExtension(o, user, MFA_OPTIONS);
    return o;
  }

  /**
   * AdminGetUserResponse: as UserType but the list is named UserAttributes, plus the MFA preference
   * members.
   */
  public static ObjectNode adminGetUser(User user) {
    ObjectNode o = Json.object();
    o.put("Username", user.username());
    o.set("UserAttributes", attributes(user, null));
    o.put("UserCreateDate", Json.epochSeconds(user.creationDate()));
    o.put("UserLastModifiedDate", Json.epochSeconds(user.lastModifiedDate()));
    o.put("Enabled", user.enabled());
    o.put("UserStatus", user.status().name());
    putExtension(o, user, MFA_OPTIONS);
    putExtension(o, user, PREFERRED_MFA);
    putExtension(o, user, MFA_SETTINGS);
    return o;
  }

  /**
   * GetUserResponse: Username, UserAttributes and the MFA members, nothing an administrator alone
   * may see.
   */
  public static ObjectNode getUser(User user) {
    ObjectNode o = Json.object();
    o.put("Username", user.username());
    o.set("UserAttributes", attributes(user, null));
    putExtension(o, user, MFA_OPTIONS);
    putExtension(o, user, PREFERRED_MFA);
    putExtension(o, user, MFA_SETTINGS);
    return o;
  }

  /**
   * [{Name, Value}] with sub first, as Cognito lists it; only {@code only}'s names when that is
   * non-empty.
   */
  static ArrayNode attributes(User user, Collection<String> only) {
    Map<String, String> ordered = new LinkedHashMap<>();
    if (user.attribute("sub") != null) {
      ordered.put("sub", user.attribute("sub"));
    }
    ordered.putAll(user.attributes());
    ArrayNode list = Json.array();
    ordered.forEach(
        (name, value) -> {
          if (only == null || only.isEmpty() || only.contains(name)) {
            list.addObject().put("Name", name).put("Value", value);
          }
        });
    return list;
  }

  private static void putExtension(ObjectNode o, User user, String key) {
    Object value = user.extensions().get(key);
    if (value != null) {
      o.set(key, Json.tree(value));
    }
  }
}
