package dev.userpool.operations.users;

import dev.userpool.domain.PoolSettings;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.VerifiedFlag;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which attributes a pool's users can have and how the admin API may write them: the standard
 * attributes, the pool's {@code custom:} attributes, developer-only ones ({@code dev:custom:}),
 * immutable ones, required ones, and the {@code *_verified} flags. Every failure is
 * InvalidParameterException.
 */
public final class AttributeRules {
  /**
   * OpenID Connect standard claims Cognito keeps for every pool (developer guide, "User pool
   * attributes").
   */
  static final Set<String> STANDARD =
      Set.of(
          "sub",
          "address",
          "birthdate",
          "email",
          "email_verified",
          "family_name",
          "gender",
          "given_name",
          "locale",
          "middle_name",
          "name",
          "nickname",
          "phone_number",
          "phone_number_verified",
          "picture",
          "preferred_username",
          "profile",
          "updated_at",
          "website",
          "zoneinfo");

  static final Set<String> VERIFIED_FLAGS = Set.of("email_verified", "phone_number_verified");

  // Cognito accepts E.164-looking numbers; its exact rule is not published. Email: one @, no
  // whitespace.
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

  /**
   * Throws for names the pool does not know, all of them, a line each: "user.&lt;name&gt;:
   * Attribute does not exist in the schema.\n" (observed for several unknown names in one
   * UpdateUserAttributes call, aws-amplify/amplify-flutter#1531).
   */
  public void requireKnown(Collection<String> names) {
    String unknown = unknownLines(names);
    if (!unknown.isEmpty()) {
      throw ErrorCode.INVALID_PARAMETER.exception(unknown);
    }
  }

  private String unknownLines(Collection<String> names) {
    StringBuilder lines = new StringBuilder();
    for (String name : new LinkedHashSet<>(names)) {
      if (!exists(name)) {
        lines.append("user.").append(name).append(": Attribute does not exist in the schema.\n");
      }
    }
    return lines.toString();
  }

  /**
   * The checks AdminCreateUser applies to its UserAttributes: known names, {@code sub} not written,
   * flag and format values, required attributes present (those given by {@code implied}, such as an
   * email taken from an email-format username, count as present).
   */
  public void checkCreate(Map<String, String> attributes, Set<String> implied) {
    requireKnown(attributes.keySet());
    if (attributes.containsKey("sub")) {
      throw nonMutable("sub");
    }
    checkValues(attributes);
    for (Map.Entry<String, Schema> e : schema.entrySet()) {
      String name = e.getKey();
      if (e.getValue().required()
          && !name.equals("sub")
          && !implied.contains(name)
          && (attributes.get(name) == null || attributes.get(name).isEmpty())) {
        // Observed wording for a missing required attribute at sign-up (unconfirmed for
        // AdminCreateUser).
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Attributes did not conform to the schema: " + name + ": The attribute is required\n");
      }
    }
  }

  /**
   * The checks SignUp applies: those of {@link #checkCreate}, but unknown names are reported as
   * SignUp reports them, all of them, a line each: "Attributes did not conform to the schema:
   * &lt;name&gt;: Attribute does not exist in the schema.\n" (observed:
   * aws-amplify/amplify-flutter#509, aws-amplify/aws-sdk-android#1629).
   */
  public void checkSignUp(Map<String, String> attributes, Set<String> implied) {
    StringBuilder lines = new StringBuilder();
    for (String name : attributes.keySet()) {
      if (!exists(name)) {
        lines.append(name).append(": Attribute does not exist in the schema.\n");
      }
    }
    if (lines.length() > 0) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Attributes did not conform to the schema: " + lines);
    }
    checkCreate(attributes, implied);
  }

  /**
   * The checks AdminUpdateUserAttributes applies: known names, no immutable attribute changed,
   * valid values.
   */
  public void checkUpdate(User user, Map<String, String> attributes) {
    requireKnown(attributes.keySet());
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      String name = e.getKey();
      if (name.equals("sub")) {
        throw nonMutable(name);
      }
      // A Mutable=false attribute can be written once, at creation (developer guide, "Custom
      // attributes").
      if (!schema.get(name).mutable() && !e.getValue().equals(user.attribute(name))) {
        throw nonMutable(name);
      }
    }
    checkValues(attributes);
  }

  /**
   * The checks AdminDeleteUserAttributes and DeleteUserAttributes apply: known names (every unknown
   * one listed, a line each, after the prefix Cognito gives this operation's other attribute
   * errors), not sub, not immutable, not required.
   */
  public void checkDelete(Collection<String> names) {
    String unknown = unknownLines(names);
    if (!unknown.isEmpty()) {
      // The prefix is the one observed for this operation's required-attribute error; with the
      // lines of
      // requireKnown after it (composed, not seen whole: docs/fidelity.md).
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
        // Cognito takes true/false in any case (VerifiedFlag) and rejects other values; this
        // wording is ours
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

  static CognitoException nonMutable(String name) {
    // Observed on real Cognito (for email_verified in a NEW_PASSWORD_REQUIRED answer:
    // aws-amplify/aws-sdk-ios#2203).
    return ErrorCode.INVALID_PARAMETER.exception("Cannot modify the non-mutable attribute " + name);
  }
}
