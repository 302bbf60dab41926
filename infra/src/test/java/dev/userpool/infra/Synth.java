package dev.userpool.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Synthesizes the stack as the real app does (cdk.json's context) but with a tiny code asset
 * instead of the jar.
 */
final class Synth {
  private Synth() {}

  /** The stack's template with cdk.json's context plus {@code extraContext}. */
  static Template stack(Map<String, Object> extraContext) {
    Map<String, Object> context = new HashMap<>(cdkJsonContext());
    context.putAll(extraContext);
    App app =
        App.Builder.create()
            .context(context)
            .outdir(tempDir("userpool-cdk-out").toString())
            .build();
    UserpoolStack stack =
        new UserpoolStack(
            app, "Userpool", StackProps.builder().build(), Code.fromAsset(tinyCode()));
    return Template.fromStack(stack);
  }

  static Map<String, Object> cdkJsonContext() {
    try {
      Map<String, Object> cdkJson =
          new ObjectMapper()
              .readValue(Path.of("cdk.json").toFile(), new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The logical ids of a resource type; fails unless there is exactly one. */
  static String onlyLogicalId(Template template, String type) {
    List<String> ids = List.copyOf(template.findResources(type).keySet());
    if (ids.size() != 1) {
      throw new AssertionError("expected one " + type + " but found " + ids);
    }
    return ids.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Template template, String logicalId) {
    Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
    return (Map<String, Object>) ((Map<String, Object>) resources.get(logicalId)).get("Properties");
  }

  private static String tinyCode() {
    Path dir = tempDir("userpool-code");
    try {
      Files.writeString(dir.resolve("README.txt"), "stand-in for the Lambda jar in infra tests\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.toString();
  }

  private static Path tempDir(String prefix) {
    try {
      Path target = Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(target, prefix); // removed by mvn clean
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
