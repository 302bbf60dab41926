package dev.userpool.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The constraints of Cognito's service model (botocore, 2016-04-18), loaded from the compact
 * resource that functions/model/generate-constraints.py writes. Holds all 122 operations of the
 * current API and every input shape.
 */
public final class ServiceModel {
  static final String RESOURCE = "/dev/userpool/validation/cognito-idp-constraints.json";

  /** A model operation: its input shape, whether it needs SigV4, and the errors it may return. */
  public record OperationShape(
      String name, String inputShape, boolean requiresSigV4, List<String> errors) {}

  /** A model shape with the traits validation uses; absent traits are null. */
  public record Shape(
      String name,
      String type,
      Long min,
      Long max,
      TextPattern pattern,
      String patternText,
      List<String> enumValues,
      boolean sensitive,
      Map<String, String> members,
      Set<String> required,
      String member,
      String key,
      String value) {}

  private final Map<String, OperationShape> operations;

  /** The model's shapes as read; each becomes a {@link Shape} on first use. */
  private final JsonNode shapeNodes;

  /**
   * Shapes built so far. Built on demand because a request touches a few dozen of the model's
   * several hundred shapes, and building them all was a visible share of a cold start.
   */
  private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

  private ServiceModel(Map<String, OperationShape> operations, JsonNode shapeNodes) {
    this.operations = operations;
    this.shapeNodes = shapeNodes;
  }

  public static ServiceModel load() {
    try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(Json.parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ServiceModel parse(JsonNode root) {
    Map<String, OperationShape> operations = new LinkedHashMap<>();
    root.get("operations")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode op = e.getValue();
              List<String> errors = new ArrayList<>();
              op.get("errors").forEach(n -> errors.add(n.asText()));
              operations.put(
                  e.getKey(),
                  new OperationShape(
                      e.getKey(),
                      op.get("input").asText(),
                      !"none".equals(op.get("auth").asText()),
                      List.copyOf(errors)));
            });
    return new ServiceModel(Collections.unmodifiableMap(operations), root.get("shapes"));
  }

  private static Shape shape(String name, JsonNode s) {
    Map<String, String> members = new LinkedHashMap<>();
    if (s.has("members")) {
      s.get("members")
          .fields()
          .forEachRemaining(m -> members.put(m.getKey(), m.getValue().asText()));
    }
    Set<String> required = new TreeSet<>();
    if (s.has("required")) {
      s.get("required").forEach(r -> required.add(r.asText()));
    }
    List<String> enumValues = null;
    if (s.has("enum")) {
      enumValues = new ArrayList<>();
      for (JsonNode v : s.get("enum")) {
        enumValues.add(v.asText());
      }
    }
    String patternText = s.has("pattern") ? s.get("pattern").asText() : null;
    return new Shape(
        name,
        s.get("type").asText(),
        s.has("min") ? s.get("min").asLong() : null,
        s.has("max") ? s.get("max").asLong() : null,
        patternText == null ? null : TextPattern.compile(patternText),
        patternText,
        enumValues,
        s.path("sensitive").asBoolean(false),
        members,
        required,
        s.has("member") ? s.get("member").asText() : null,
        s.has("key") ? s.get("key").asText() : null,
        s.has("value") ? s.get("value").asText() : null);
  }

  public boolean hasOperation(String name) {
    return operations.containsKey(name);
  }

  public OperationShape operation(String name) {
    return operations.get(name);
  }

  /** All operation names in alphabetical order. */
  public Set<String> operationNames() {
    return operations.keySet();
  }

  public Shape shape(String name) {
    Shape shape = shapes.get(name);
    if (shape != null) {
      return shape;
    }
    JsonNode node = shapeNodes.get(name);
    if (node == null) {
      throw new IllegalArgumentException("unknown shape " + name);
    }
    // A race builds the same immutable shape twice; either copy is kept.
    shape = shape(name, node);
    Shape earlier = shapes.putIfAbsent(name, shape);
    return earlier == null ? shape : earlier;
  }
}
