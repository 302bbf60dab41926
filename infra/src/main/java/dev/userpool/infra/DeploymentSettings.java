package dev.userpool.infra;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import software.constructs.Node;

/**
 * The operator's settings for one deployment, read from CDK context keys {@code userpool:<setting>}
 * (in cdk.json, or {@code cdk deploy -c userpool:sesFromAddress=no-reply@example.com}). Unset and
 * blank values read as null.
 */
final class DeploymentSettings {
  static final String PREFIX = "userpool:";

  private final Node node;

  DeploymentSettings(Node node) {
    this.node = node;
  }

  /** The setting as one string (a list in cdk.json is joined with commas), or null when unset. */
  String get(String setting) {
    List<String> values = list(setting);
    return values.isEmpty() ? null : String.join(",", values);
  }

  /**
   * The setting as a list: a JSON list in cdk.json, or a comma-separated string; blanks dropped.
   */
  List<String> list(String setting) {
    Object value = node.tryGetContext(PREFIX + setting);
    Stream<String> parts;
    if (value == null) {
      parts = Stream.empty();
    } else if (value instanceof Collection<?> many) {
      parts = many.stream().map(String::valueOf);
    } else {
      parts = Arrays.stream(String.valueOf(value).split(","));
    }
    return parts.map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
