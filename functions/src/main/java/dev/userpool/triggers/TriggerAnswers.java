package dev.userpool.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a function's answer: the whole event, of which only {@code response} counts (sources §5.2).
 * An answer that is not a JSON object, or whose members have the wrong JSON type, is {@link
 * TriggerFailure.Kind#MALFORMED_ANSWER}; absent and null members mean "not set". Scalars are read
 * as Jackson reads them into the LJE classes (a string member accepts a number, a boolean member
 * accepts "true"/"false").
 */
final class TriggerAnswers {
  private TriggerAnswers() {}

  static PreSignUpResult preSignUp(String answer) {
    JsonNode r = response(answer);
    return new PreSignUpResult(
        bool(r, "autoConfirmUser"), bool(r, "autoVerifyEmail"), bool(r, "autoVerifyPhone"));
  }

  /**
   * PostConfirmation, PreAuthentication, PostAuthentication: nothing is read, but the answer must
   * be an event.
   */
  static void acknowledged(String answer) {
    response(answer);
  }

  static CustomMessageResult customMessage(String answer) {
    JsonNode r = response(answer);
    return new CustomMessageResult(
        string(r, "smsMessage"), string(r, "emailMessage"), string(r, "emailSubject"));
  }

  static UserMigrationResult userMigration(String answer) {
    JsonNode r = response(answer);
    return new UserMigrationResult(
        stringMap(r, "userAttributes"),
        string(r, "finalUserStatus"),
        string(r, "messageAction"),
        strings(r, "desiredDeliveryMediums"),
        bool(r, "forceAliasCreation"));
  }

  /** {@code response.userAttributesToMap}; empty (keep the provider's attributes) when absent. */
  static Map<String, String> inboundFederation(String answer) {
    return stringMap(response(answer), "userAttributesToMap");
  }

  static DefineAuthChallengeResult defineAuthChallenge(String answer) {
    JsonNode r = response(answer);
    return new DefineAuthChallengeResult(
        string(r, "challengeName"), bool(r, "issueTokens"), bool(r, "failAuthentication"));
  }

  static CreateAuthChallengeResult createAuthChallenge(String answer) {
    JsonNode r = response(answer);
    return new CreateAuthChallengeResult(
        stringMap(r, "publicChallengeParameters"),
        stringMap(r, "privateChallengeParameters"),
        string(r, "challengeMetadata"));
  }

  static boolean verifyAuthChallengeResponse(String answer) {
    return bool(response(answer), "answerCorrect");
  }

  /**
   * V1_0: {@code claimsOverrideDetails {claimsToAddOrOverride, claimsToSuppress,
   * groupOverrideDetails}}.
   */
  static TokenOverrides preTokenGenerationV1(String answer) {
    JsonNode details = object(response(answer), "claimsOverrideDetails");
    if (details == null) {
      return TokenOverrides.NONE;
    }
    Map<String, Object> claims = new LinkedHashMap<>(stringMap(details, "claimsToAddOrOverride"));
    return new TokenOverrides(
        Collections.unmodifiableMap(claims),
        strings(details, "claimsToSuppress"),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        groups(details, "groupOverrideDetails"));
  }

  /**
   * V2_0: {@code claimsAndScopeOverrideDetails {idTokenGeneration {claimsToAddOrOverride,
   * claimsToSuppress}, accessTokenGeneration {…, scopesToAdd, scopesToSuppress},
   * groupOverrideDetails}}; claim values of any JSON type.
   */
  static TokenOverrides preTokenGenerationV2(String answer) {
    JsonNode details = object(response(answer), "claimsAndScopeOverrideDetails");
    if (details == null) {
      return TokenOverrides.NONE;
    }
    JsonNode id = object(details, "idTokenGeneration");
    JsonNode access = object(details, "accessTokenGeneration");
    return new TokenOverrides(
        anyMap(id, "claimsToAddOrOverride"),
        strings(id, "claimsToSuppress"),
        anyMap(access, "claimsToAddOrOverride"),
        strings(access, "claimsToSuppress"),
        strings(access, "scopesToAdd"),
        strings(access, "scopesToSuppress"),
        groups(details, "groupOverrideDetails"));
  }

  /**
   * The {@code response} member of the returned event; missing or null reads as an empty response.
   */
  private static JsonNode response(String answer) {
    JsonNode root;
    try {
      root = answer == null || answer.isBlank() ? null : TriggerJson.mapper().readTree(answer);
    } catch (JsonProcessingException e) {
      throw TriggerFailure.malformed("not JSON");
    }
    if (root == null || !root.isObject()) {
      throw TriggerFailure.malformed("not a JSON object");
    }
    JsonNode response = object(root, "response");
    return response == null ? TriggerJson.mapper().createObjectNode() : response;
  }

  private static JsonNode object(JsonNode parent, String name) {
    JsonNode node = parent == null ? null : parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw TriggerFailure.malformed(name + " is not an object");
    }
    return node;
  }

  private static boolean bool(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual() && ("true".equals(node.textValue()) || "false".equals(node.textValue()))) {
      return Boolean.parseBoolean(node.textValue());
    }
    throw TriggerFailure.malformed(name + " is not a boolean");
  }

  private static String string(JsonNode parent, String name) {
    return scalar(parent.get(name), name);
  }

  private static String scalar(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw TriggerFailure.malformed(name + " is not a string");
    }
    return node.asText();
  }

  private static Map<String, String> stringMap(JsonNode parent, String name) {
    JsonNode node = object(parent, name);
    if (node == null) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> values.put(e.getKey(), scalar(e.getValue(), name + "." + e.getKey())));
    return Collections.unmodifiableMap(values);
  }

  private static Map<String, Object> anyMap(JsonNode parent, String name) {
    JsonNode node = object(parent, name);
    if (node == null) {
      return Map.of();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e ->
                values.put(
                    e.getKey(), TriggerJson.mapper().convertValue(e.getValue(), Object.class)));
    return Collections.unmodifiableMap(values);
  }

  private static List<String> strings(JsonNode parent, String name) {
    JsonNode node = parent == null ? null : parent.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw TriggerFailure.malformed(name + " is not a list");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode v : node) {
      String value = scalar(v, name);
      if (value != null) {
        values.add(value);
      }
    }
    return Collections.unmodifiableList(values);
  }

  private static Groups groups(JsonNode parent, String name) {
    JsonNode node = object(parent, name);
    if (node == null) {
      return null;
    }
    return new Groups(
        strings(node, "groupsToOverride"),
        strings(node, "iamRolesToOverride"),
        string(node, "preferredRole"));
  }
}
