package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.errors.ErrorCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pool's SchemaAttributes: the standard attributes every pool starts with, and the custom
 * attributes added by CreateUserPool's Schema or AddCustomAttributes (stored and returned with the
 * {@code custom:} prefix).
 */
public final class SchemaAttributes {
  /** Service quota: custom attributes per pool (sources §9.2). */
  public static final int MAX_CUSTOM = 50;

  private static final Set<String> DATA_TYPES = Set.of("String", "Number", "DateTime", "Boolean");

  /**
   * Standard attributes in the order DescribeUserPool lists them, with their constraints, as real
   * Cognito returns them for a pool created without a Schema (observed: describe-user-pool output,
   * kengraf/nadialin 2023-03; same list as awscli/examples/cognito-idp/describe-user-pool.rst).
   */
  private static final List<String> STANDARD_NAMES =
      List.of(
          "sub",
          "name",
          "given_name",
          "family_name",
          "middle_name",
          "nickname",
          "preferred_username",
          "profile",
          "picture",
          "website",
          "email",
          "email_verified",
          "gender",
          "birthdate",
          "zoneinfo",
          "locale",
          "phone_number",
          "phone_number_verified",
          "address",
          "updated_at");

  private SchemaAttributes() {}

  public static boolean isStandard(String name) {
    return STANDARD_NAMES.contains(name);
  }

  public static List<String> standardNames() {
    return STANDARD_NAMES;
  }

  /** The standard attribute list of a new pool. */
  public static List<Map<String, Object>> standard() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : STANDARD_NAMES) {
      out.add(standard(name));
    }
    return out;
  }

  private static Map<String, Object> standard(String name) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("Name", name);
    String type =
        switch (name) {
          case "email_verified", "phone_number_verified" -> "Boolean";
          case "updated_at" -> "Number";
          default -> "String";
        };
    a.put("AttributeDataType", type);
    a.put("DeveloperOnlyAttribute", false);
    a.put("Mutable", !name.equals("sub"));
    a.put("Required", name.equals("sub"));
    switch (type) {
      case "String" ->
          a.put(
              "StringAttributeConstraints",
              name.equals("sub")
                  ? lengths("1", "2048")
                  : name.equals("birthdate") ? lengths("10", "10") : lengths("0", "2048"));
      case "Number" ->
          a.put("NumberAttributeConstraints", new LinkedHashMap<>(Map.of("MinValue", "0")));
      default -> {}
    }
    return a;
  }

  private static Map<String, Object> lengths(String min, String max) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("MinLength", min);
    c.put("MaxLength", max);
    return c;
  }

  /**
   * Applies CreateUserPool's Schema to the standard list: standard attributes may change Required
   * and Mutable and their constraints, checked as those of custom attributes, but not their data
   * type or developer-only flag; every other name becomes a custom attribute.
   */
  public static List<Map<String, Object>> forNewPool(JsonNode schema) {
    List<Map<String, Object>> attributes = standard();
    if (schema == null) {
      return attributes;
    }
    List<JsonNode> custom = new ArrayList<>();
    for (JsonNode item : schema) {
      String name = item.path("Name").asText();
      if (isStandard(name)) {
        Map<String, Object> a = find(attributes, name);
        String type = item.path("AttributeDataType").asText(null);
        if ((type != null && !type.equals(a.get("AttributeDataType")))
            || item.path("DeveloperOnlyAttribute").asBoolean(false)) {
          // Observed text (getmoto/moto#4493, pool schema validation checked against AWS; moto test
          // test_create_user_pool_standard_attribute_with_changed_data_type_or_developer_only).
          throw ErrorCode.INVALID_PARAMETER.exception(
              "You can not change AttributeDataType or set "
                  + "developerOnlyAttribute for standard schema attribute "
                  + name);
        }
        if (item.hasNonNull("Required")) {
          a.put("Required", item.get("Required").booleanValue());
        }
        if (item.hasNonNull("Mutable")) {
          a.put("Mutable", item.get("Mutable").booleanValue());
        }
        copyConstraints(item, a);
        checkConstraints(a);
      } else {
        custom.add(item);
      }
    }
    addCustom(attributes, custom);
    return attributes;
  }

  /** Validates and appends custom attributes; the whole call fails before anything is appended. */
  public static void addCustom(List<Map<String, Object>> attributes, List<JsonNode> items) {
    List<Map<String, Object>> added = new ArrayList<>();
    for (JsonNode item : items) {
      Map<String, Object> a = custom(item);
      String name = (String) a.get("Name");
      if (find(attributes, name) != null || find(added, name) != null) {
        // Cognito's text, quoted by moto and cognito-local tests
        throw ErrorCode.INVALID_PARAMETER.exception(
            name + ": Existing attribute already has name " + name + ".");
      }
      added.add(a);
    }
    long customCount =
        attributes.stream()
            .filter(a -> String.valueOf(a.get("Name")).startsWith("custom:"))
            .count();
    if (customCount + added.size() > MAX_CUSTOM) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "The user pool has reached the limit of " + MAX_CUSTOM + " custom attributes.");
    }
    attributes.addAll(added);
  }

  private static Map<String, Object> custom(JsonNode item) {
    String bare = item.path("Name").asText();
    if (bare.startsWith("custom:")) {
      bare = bare.substring("custom:".length());
    }
    if (bare.isEmpty() || bare.length() > 20) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "custom:" + bare + ": Custom attribute name must be between 1 and 20 characters.");
    }
    if (!item.hasNonNull("AttributeDataType")) {
      // Observed: CloudFormation updates quote it (aws-amplify/amplify-cli#9525, amplify-backend's
      // error mapper);
      // moto test test_create_user_pool_custom_attribute_without_data_type.
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.");
    }
    String type = item.get("AttributeDataType").asText();
    if (!DATA_TYPES.contains(type)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "custom:" + bare + ": Invalid AttributeDataType " + type + ".");
    }
    if (item.path("Required").asBoolean(false)) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "Required custom attributes are not supported currently.");
    }
    boolean developerOnly = item.path("DeveloperOnlyAttribute").asBoolean(false);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("Name", (developerOnly ? "dev:custom:" : "custom:") + bare);
    a.put("AttributeDataType", type);
    a.put("DeveloperOnlyAttribute", developerOnly);
    a.put("Mutable", item.path("Mutable").asBoolean(true));
    a.put("Required", false);
    copyConstraints(item, a);
    checkConstraints(a);
    return a;
  }

  private static void copyConstraints(JsonNode item, Map<String, Object> a) {
    String type = (String) a.get("AttributeDataType");
    if ("String".equals(type) && item.has("StringAttributeConstraints")) {
      a.put(
          "StringAttributeConstraints",
          bounds(item.get("StringAttributeConstraints"), "MinLength", "MaxLength"));
    }
    if ("Number".equals(type) && item.has("NumberAttributeConstraints")) {
      a.put(
          "NumberAttributeConstraints",
          bounds(item.get("NumberAttributeConstraints"), "MinValue", "MaxValue"));
    }
  }

  private static Map<String, Object> bounds(JsonNode node, String minKey, String maxKey) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (node.hasNonNull(minKey)) {
      c.put(minKey, node.get(minKey).asText());
    }
    if (node.hasNonNull(maxKey)) {
      c.put(maxKey, node.get(maxKey).asText());
    }
    return c;
  }

  /**
   * Constraint checks for custom and standard attributes alike. Texts as moto gives them
   * (getmoto/moto#4493, whose author compared the pool schema validation with AWS; not marked as
   * run against AWS — docs/fidelity.md).
   */
  @SuppressWarnings("unchecked")
  private static void checkConstraints(Map<String, Object> a) {
    String name = (String) a.get("Name");
    if (a.get("StringAttributeConstraints") instanceof Map<?, ?> c) {
      BigInteger min =
          number(name, (Map<String, Object>) c, "MinLength", "StringAttributeConstraints");
      BigInteger max =
          number(name, (Map<String, Object>) c, "MaxLength", "StringAttributeConstraints");
      BigInteger limit = BigInteger.valueOf(2048);
      if ((min != null && min.compareTo(limit) > 0) || (max != null && max.compareTo(limit) > 0)) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "user." + name + ": String attributes cannot have a length of more than 2048");
      }
      if (min != null && max != null && min.compareTo(max) > 0) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "user." + name + ": Max length cannot be less than min length.");
      }
    }
    if (a.get("NumberAttributeConstraints") instanceof Map<?, ?> c) {
      BigInteger min =
          number(name, (Map<String, Object>) c, "MinValue", "NumberAttributeConstraints");
      BigInteger max =
          number(name, (Map<String, Object>) c, "MaxValue", "NumberAttributeConstraints");
      if (min != null && max != null && min.compareTo(max) > 0) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "user." + name + ": Max value cannot be less than min value.");
      }
    }
  }

  /**
   * A bound: a non-negative integer, else "Invalid &lt;constraints&gt; for schema attribute
   * &lt;name&gt;".
   */
  private static BigInteger number(
      String attribute, Map<String, Object> c, String key, String constraints) {
    Object value = c.get(key);
    if (value == null || value.toString().isEmpty()) {
      return null;
    }
    try {
      BigInteger n = new BigInteger(value.toString());
      if (n.signum() >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ErrorCode.INVALID_PARAMETER.exception(
        "Invalid " + constraints + " for schema attribute " + attribute);
  }

  static Map<String, Object> find(List<Map<String, Object>> attributes, String name) {
    for (Map<String, Object> a : attributes) {
      if (name.equals(a.get("Name"))) {
        return a;
      }
    }
    return null;
  }
}
