package dev.userpool.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.errors.ErrorCode;
import dev.userpool.validation.ServiceModel.Shape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a request body against the model's input shape the way Cognito's front end does (sources
 * §1.4). A member of the wrong JSON type is a SerializationException; every constraint violation is
 * collected and reported in one InvalidParameterException: "N validation error(s) detected: Value
 * '…' at 'path' failed to satisfy constraint: …". Members the model does not know are ignored, as
 * AWS does.
 */
public final class RequestValidator {
  /**
   * Shapes whose model pattern Cognito's front end does not apply. DomainType's pattern describes
   * prefix domains only, yet custom domains ("auth.example.com") are accepted; CreateUserPoolDomain
   * checks prefixes itself, with Cognito's own message.
   */
  private static final java.util.Set<String> PATTERN_NOT_ENFORCED = java.util.Set.of("DomainType");

  private final ServiceModel model;

  public RequestValidator(ServiceModel model) {
    this.model = model;
  }

  public void validate(String operation, JsonNode body) {
    List<String> violations = new ArrayList<>();
    structure(model.shape(model.operation(operation).inputShape()), body, "", violations);
    if (!violations.isEmpty()) {
      String noun = violations.size() == 1 ? "error" : "errors";
      throw ErrorCode.INVALID_PARAMETER.exception(
          violations.size()
              + " validation "
              + noun
              + " detected: "
              + String.join("; ", violations));
    }
  }

  private void check(Shape shape, JsonNode value, String path, List<String> violations) {
    switch (shape.type()) {
      case "structure" -> structure(shape, value, path, violations);
      case "list" -> list(shape, value, path, violations);
      case "map" -> map(shape, value, path, violations);
      case "string" -> string(shape, value, path, violations);
      case "integer", "long" -> number(shape, value, path, violations);
      case "boolean" -> require(value.isBoolean(), "Expected boolean or null");
      case "timestamp" ->
          require(value.isNumber() || value.isTextual(), "Expected timestamp or null");
      case "blob" -> require(value.isTextual(), "Expected blob or null");
      case "document" -> {} // free-form JSON: any value the protocol can carry
      default -> throw new IllegalStateException("unhandled model type " + shape.type());
    }
  }

  private void structure(Shape shape, JsonNode value, String path, List<String> violations) {
    require(value.isObject(), "Expected map or null");
    for (String required : shape.required()) {
      JsonNode member = value.get(required);
      if (member == null || member.isNull()) {
        violations.add(
            "Value null at '"
                + join(path, required)
                + "' failed to satisfy constraint: Member must not be null");
      }
    }
    for (Map.Entry<String, String> member : shape.members().entrySet()) {
      JsonNode memberValue = value.get(member.getKey());
      if (memberValue != null && !memberValue.isNull()) {
        check(model.shape(member.getValue()), memberValue, join(path, member.getKey()), violations);
      }
    }
  }

  private void list(Shape shape, JsonNode value, String path, List<String> violations) {
    require(value.isArray(), "Expected list or null");
    length(shape, value.size(), describe(shape, value), path, violations);
    Shape member = model.shape(shape.member());
    int index = 1;
    for (JsonNode element : value) {
      if (element.isNull()) {
        violations.add(
            "Value null at '"
                + path
                + "."
                + index
                + ".member' failed to satisfy constraint: Member must not be null");
      } else {
        check(member, element, path + "." + index + ".member", violations);
      }
      index++;
    }
  }

  private void map(Shape shape, JsonNode value, String path, List<String> violations) {
    require(value.isObject(), "Expected map or null");
    length(shape, value.size(), describe(shape, value), path, violations);
    Shape keyShape = model.shape(shape.key());
    Shape valueShape = model.shape(shape.value());
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      string(
          keyShape,
          com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()),
          path,
          violations);
      if (!entry.getValue().isNull()) {
        check(valueShape, entry.getValue(), path, violations);
      }
    }
  }

  private void string(Shape shape, JsonNode value, String path, List<String> violations) {
    require(value.isTextual(), "Expected string or null");
    String text = value.asText();
    String shown = shape.sensitive() ? "Value" : "Value '" + text + "'";
    length(shape, text.codePointCount(0, text.length()), shown, path, violations);
    if (shape.pattern() != null
        && !PATTERN_NOT_ENFORCED.contains(shape.name())
        && !shape.pattern().matches(text)) {
      violations.add(
          shown
              + " at '"
              + path
              + "' failed to satisfy constraint: "
              + "Member must satisfy regular expression pattern: "
              + shape.patternText());
    }
    if (shape.enumValues() != null && !shape.enumValues().contains(text)) {
      violations.add(
          shown
              + " at '"
              + path
              + "' failed to satisfy constraint: "
              + "Member must satisfy enum value set: ["
              + String.join(", ", shape.enumValues())
              + "]");
    }
  }

  private void number(Shape shape, JsonNode value, String path, List<String> violations) {
    require(value.isIntegralNumber() && value.canConvertToLong(), "Expected integer or null");
    long number = value.asLong();
    if (shape.min() != null && number < shape.min()) {
      violations.add(
          "Value '"
              + number
              + "' at '"
              + path
              + "' failed to satisfy constraint: "
              + "Member must have value greater than or equal to "
              + shape.min());
    }
    if (shape.max() != null && number > shape.max()) {
      violations.add(
          "Value '"
              + number
              + "' at '"
              + path
              + "' failed to satisfy constraint: "
              + "Member must have value less than or equal to "
              + shape.max());
    }
  }

  private static void length(
      Shape shape, long length, String shown, String path, List<String> violations) {
    if (shape.min() != null && length < shape.min()) {
      violations.add(
          shown
              + " at '"
              + path
              + "' failed to satisfy constraint: "
              + "Member must have length greater than or equal to "
              + shape.min());
    }
    if (shape.max() != null && length > shape.max()) {
      violations.add(
          shown
              + " at '"
              + path
              + "' failed to satisfy constraint: "
              + "Member must have length less than or equal to "
              + shape.max());
    }
  }

  private static String describe(Shape shape, JsonNode value) {
    return shape.sensitive() ? "Value" : "Value '" + value + "'";
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw ErrorCode.SERIALIZATION.exception(message);
    }
  }

  /**
   * Coral paths use lower-camel member names joined with dots:
   * policies.passwordPolicy.minimumLength.
   */
  private static String join(String path, String member) {
    String camel = member.substring(0, 1).toLowerCase(Locale.ROOT) + member.substring(1);
    return path.isEmpty() ? camel : path + "." + camel;
  }
}
