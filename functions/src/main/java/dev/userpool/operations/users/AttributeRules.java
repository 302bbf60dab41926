package dev.userpool.operations.users;

import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.VerifiedFlag;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which attributes a pool's users can have and how the admin API may write them: the standard attributes, the
 * pool's {@code custom:} attributes, developer-only ones ({@code dev:custom:}), immutable ones, required ones, and
 * the {@code *_verified} flags. Every failure is InvalidParameterException.
 */
public final class AttributeRules {
  /** OpenID Connect standard claims Cognito keeps for every pool (developer guide, "User pool attributes"). */
  static final Set<String> STANDARD =
      Set.of(
          "sub", "address", "birthdate", "email", "email_verified", "family_name", "gender", "given_name",
          "locale", "middle_name", "name", "nickname", "phone_number", "phone_number_verified", "picture",
          "preferred_username", "profile", "updated_at", "website", "zoneinfo");

  static final Set<String> VERIFIED_FLAGS = Set.of("email_verified", "phone_number_verified");

  // Cognito accepts E.164-looking numbers; its exact rule is not published. Email: one @, no whitespace.
  private static final Pattern PHONE = Pattern.compile("\\+[0-9]{4,15}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  /** Per attribute name: {Required, Mutable, DeveloperOnly} as the pool's schema says. */
  private record Schema(boolean required, boolean mutable, boolean developerOnly) {}

  private final Map<String, Schema> schema = new LinkedHashMap<>();

  private AttributeRules(PoolSettings settings) {
    for (String name : STANDARD) {
      schema.put(name, new Schema(false, true, false));
    }
    for (Map<String, Object> a : settings.schemaAttributes()) {
      Object rawName = a.get("Name");
      if (rawName == null) {
        continue;
      }
      String name = String.valueOf(rawName);
      boolean developerOnly = Boolean.TRUE.equals(a.get("DeveloperOnlyAttribute"));
      if (!STANDARD.contains(name) && !name.startsWith("custom:") && !name.startsWith("dev:")) {
        name = "custom:" + name; // schema entries may name custom attributes without the prefix
      }
      if (developerOnly && name.startsWith("custom:")) {
        name = "dev:" + name;
      }
      boolean required = Boolean.TRUE.equals(a.get("Required"));
      boolean mutable = !Boolean.FALSE.equals(a.get("Mutable"));
      schema.put(name, new Schema(required, mutable, developerOnly));
    }
  }

  public static AttributeRules of(UserPool pool) {
    return new AttributeRules(pool.view());
  }

  public boolean exists(String name) {
    return schema.containsKey(name);
  }

  /** Throws for names the pool does not know: "user.&lt;name&gt;: Attribute does not exist in the schema." */
  public void requireKnown(Collection<String> names) {
    for (String name : names) {
      if (!exists(name)) {
        throw unknown(name);
      }
    }
  }

  /**
   * The checks AdminCreateUser applies to its UserAttributes: known names, {@code sub} not written, flag and
   * format values, required attributes present (those given by {@code implied}, such as an email taken from an
   * email-format username, count as present).
   */
  public void checkCreate(Map<String, String> attributes, Set<String> implied) {
    requireKnown(attributes.keySet());
    if (attributes.containsKey("sub")) {
      throw nonMutable("sub");
    }
    checkValues(attributes);
    for (Map.Entry<String, Schema> e : schema.entrySet()) {
      String name = e.getKey();
      if (e.getValue().required() && !name.equals("sub") && !implied.contains(name)
          && (attributes.get(name) == null || attributes.get(name).isEmpty())) {
        // Observed wording for a missing required attribute at sign-up (unconfirmed for AdminCreateUser).
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Attributes did not conform to the schema: " + name + ": The attribute is required\n");
      }
    }
  }

  /** The checks AdminUpdateUserAttributes applies: known names, no immutable attribute changed, valid values. */
  public void checkUpdate(User user, Map<String, String> attributes) {
    requireKnown(attributes.keySet());
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String name = e.getKey();
      if (name.equals("sub")) {
        throw nonMutable(name);
      }
      // A Mutable=false attribute can be written once, at creation (developer guide, "Custom attributes").
      if (!schema.get(name).mutable() && !e.getValue().equals(user.attribute(name))) {
        throw nonMutable(name);
      }
    }
    checkValues(attributes);
  }

  /**
   * The checks AdminDeleteUserAttributes and DeleteUserAttributes apply: known names (every unknown one listed, a
   * line each, after the prefix Cognito gives this operation's other attribute errors), not sub, not immutable,
   * not required.
   */
  public void checkDelete(Collection<String> names) {
    StringBuilder unknown = new StringBuilder();
    for (String name : new java.util.LinkedHashSet<>(names)) {
      if (!exists(name)) {
        unknown.append("user.").append(name).append(": Attribute does not exist in the schema.\n");
      }
    }
    if (unknown.length() > 0) {
      throw ErrorCode.INVALID_PARAMETER.exception("Invalid user attributes: " + unknown);
    }
    for (String name : names) {
      if (name.equals("sub") || !schema.get(name).mutable()) {
        throw nonMutable(name);
      }
      if (schema.get(name).required()) {
        // Text observed from Cognito (AdminDeleteUserAttributes on a required attribute).
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Invalid user attributes: " + name + ": Required attribute cannot be deleted.");
      }
    }
  }

  private static void checkValues(Map<String, String> attributes) {
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if (VERIFIED_FLAGS.contains(name) && !VerifiedFlag.isValid(value)) {
        // Cognito takes true/false in any case (VerifiedFlag) and rejects other values; this wording is ours
        // (unconfirmed, listed in docs/fidelity.md).
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Invalid user attributes: " + name + ": Value must be either true or false.");
      }
      if (name.equals("email") && !value.isEmpty() && !looksLikeEmail(value)) {
        throw ErrorCode.INVALID_PARAMETER.exception("Invalid email address format.");
      }
      if (name.equals("phone_number") && !value.isEmpty() && !looksLikePhone(value)) {
        throw ErrorCode.INVALID_PARAMETER.exception("Invalid phone number format.");
      }
    }
  }

  public static boolean looksLikeEmail(String value) {
    return EMAIL.matcher(value).matches();
  }

  public static boolean looksLikePhone(String value) {
    return PHONE.matcher(value).matches();
  }

  static CognitoException unknown(String name) {
    // Observed on real Cognito (UpdateUserAttributes), trailing newline included.
    return ErrorCode.INVALID_PARAMETER.exception("user." + name + ": Attribute does not exist in the schema.\n");
  }

  static CognitoException nonMutable(String name) {
    // Observed on real Cognito for sub (AdminCreateUser, UpdateUserAttributes).
    return ErrorCode.INVALID_PARAMETER.exception("Cannot modify the non-mutable attribute " + name);
  }
}
