package dev.userpool.infra;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The function's handler, runtime and environment variables, read from {@code
 * function-environment.json}: the one place the variable names are written down. template.yaml is
 * checked against the same file.
 */
public record FunctionEnvironment(String handler, String runtime, Map<String, Variable> variables) {

  static final String RESOURCE = "function-environment.json";

  /** Names of deployment values a variable can be made from. */
  public enum Resource {
    TABLE_NAME,
    ACCOUNT_ID,
    REGION,
    ADMIN_KEY_SECRET_ARN,
    IMPORT_BUCKET,
    API_URL
  }

  /** How one variable's value is made; exactly one of constant, resource and setting is set. */
  public record Variable(
      String constant, Resource resource, String setting, String parameter, Resource fallback) {
    public Variable {
      long sources = Stream.of(constant, resource, setting).filter(Objects::nonNull).count();
      if (sources != 1) {
        throw new IllegalArgumentException(
            "a variable needs exactly one of constant, resource, setting");
      }
      if ((setting == null) != (parameter == null)) {
        throw new IllegalArgumentException(
            "a setting needs a SAM parameter name and only a setting has one");
      }
    }

    /** The CDK context key an operator sets this with, e.g. {@code userpool:sesFromAddress}. */
    public String contextKey() {
      return setting == null ? null : "userpool:" + setting;
    }
  }

  @JsonIgnoreProperties({"_comment"})
  private record File(String handler, String runtime, LinkedHashMap<String, Variable> variables) {}

  /** Loads the environment description from the classpath. */
  public static FunctionEnvironment load() {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = FunctionEnvironment.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      File file = mapper.readValue(in, File.class);
      return new FunctionEnvironment(
          file.handler(), file.runtime(), Collections.unmodifiableMap(file.variables()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The variables whose value an operator sets. */
  public List<Variable> settings() {
    return variables.values().stream().filter(v -> v.setting() != null).toList();
  }

  /**
   * The variables' values, in file order.
   *
   * @param resources the value (usually a CloudFormation token) of each deployment resource
   * @param settings the operator's setting for a setting name, or null when unset
   */
  public Map<String, String> resolve(
      Map<Resource, String> resources, Function<String, String> settings) {
    Map<String, String> values = new LinkedHashMap<>();
    variables.forEach((name, v) -> values.put(name, valueOf(v, resources, settings)));
    return values;
  }

  private static String valueOf(
      Variable v, Map<Resource, String> resources, Function<String, String> settings) {
    if (v.constant() != null) {
      return v.constant();
    }
    if (v.resource() != null) {
      return required(resources, v.resource());
    }
    String set = settings.apply(v.setting());
    if (set != null && !set.isBlank()) {
      return set;
    }
    return v.fallback() == null ? "" : required(resources, v.fallback());
  }

  private static String required(Map<Resource, String> resources, Resource r) {
    String value = resources.get(r);
    if (value == null) {
      throw new IllegalArgumentException("no value given for resource " + r);
    }
    return value;
  }
}
