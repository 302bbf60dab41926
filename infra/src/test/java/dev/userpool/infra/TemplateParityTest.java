package dev.userpool.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import software.amazon.awscdk.assertions.Template;

/**
 * template.yaml (SAM) and the CDK stack deploy the same function: same handler, runtime, SnapStart,
 * alias, sizing, environment names (those of function-environment.json), routes and table.
 * template.yaml is written in long form, so a plain YAML parser reads it; a short tag such as !Ref
 * makes this test fail to load it.
 */
class TemplateParityTest {
  static final Path SAM_TEMPLATE = Path.of("..", "template.yaml");

  static Map<String, Object> sam;
  static Map<String, Object> samFunction;
  static Map<String, Object> cdkFunction;
  static Template cdk;
  static FunctionEnvironment environment;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    try (Reader in = Files.newBufferedReader(SAM_TEMPLATE)) {
      sam = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
    String functionId = onlySamResource("AWS::Serverless::Function");
    samFunction =
        (Map<String, Object>) ((Map<String, Object>) resources().get(functionId)).get("Properties");
    environment = FunctionEnvironment.load();
    cdk = Synth.stack(Map.of());
    cdkFunction = Synth.properties(cdk, Synth.onlyLogicalId(cdk, "AWS::Lambda::Function"));
  }

  @Test
  void samTemplateUsesTheServerlessTransformAndTheSharedJar() {
    assertEquals("AWS::Serverless-2016-10-31", sam.get("Transform"));
    assertEquals("functions/target/userpool-functions-lambda.jar", samFunction.get("CodeUri"));
    assertEquals(UserpoolApp.DEFAULT_JAR, "../" + samFunction.get("CodeUri"));
  }

  @Test
  void handlerAndRuntimeAgree() {
    assertEquals(environment.handler(), samFunction.get("Handler"));
    assertEquals(environment.handler(), cdkFunction.get("Handler"));
    assertEquals(environment.runtime(), samFunction.get("Runtime"));
    assertEquals(environment.runtime(), cdkFunction.get("Runtime"));
  }

  @Test
  void snapStartAliasMemoryAndTimeoutAgree() {
    assertEquals(cdkFunction.get("SnapStart"), samFunction.get("SnapStart"));
    assertEquals(UserpoolStack.ALIAS_NAME, samFunction.get("AutoPublishAlias"));
    assertEquals(cdkFunction.get("MemorySize"), samFunction.get("MemorySize"));
    assertEquals(cdkFunction.get("Timeout"), samFunction.get("Timeout"));
  }

  @Test
  void environmentVariableNamesAgree() {
    Set<String> expected = new TreeSet<>(environment.variables().keySet());
    assertEquals(expected, new TreeSet<>(samVariables().keySet()));
    assertEquals(expected, new TreeSet<>(UserpoolStackTest.variables(cdk).keySet()));
  }

  @Test
  void constantsAreTheSameStrings() {
    environment
        .variables()
        .forEach(
            (name, v) -> {
              if (v.constant() != null) {
                assertEquals(v.constant(), samVariables().get(name), name);
              }
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachSettingIsASamParameterTheVariableRefersTo() {
    Map<String, Object> parameters = (Map<String, Object>) sam.get("Parameters");
    for (FunctionEnvironment.Variable setting : environment.settings()) {
      assertTrue(
          parameters.containsKey(setting.parameter()), "missing parameter " + setting.parameter());
      String value =
          samVariables().entrySet().stream()
              .filter(e -> setting.equals(environment.variables().get(e.getKey())))
              .map(e -> String.valueOf(e.getValue()))
              .findFirst()
              .orElseThrow();
      assertTrue(
          value.contains("{Ref=" + setting.parameter() + "}"),
          setting.parameter() + " not used: " + value);
    }
    Set<String> settingParameters =
        environment.settings().stream()
            .map(FunctionEnvironment.Variable::parameter)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        settingParameters,
        new TreeSet<>(parameters.keySet()),
        "every SAM parameter is a shared setting");
  }

  @Test
  @SuppressWarnings("unchecked")
  void apiRoutesAgree() {
    Set<String> samRoutes = new TreeSet<>();
    for (Object event : ((Map<String, Object>) samFunction.get("Events")).values()) {
      Map<String, Object> e = (Map<String, Object>) event;
      assertEquals("Api", e.get("Type"));
      Map<String, Object> p = (Map<String, Object>) e.get("Properties");
      samRoutes.add(
          p.get("Method").toString().toUpperCase(java.util.Locale.ROOT) + " " + p.get("Path"));
    }
    Set<String> cdkRoutes = new TreeSet<>(UserpoolStackTest.routes(cdk));
    cdkRoutes.remove("OPTIONS /"); // SAM makes preflight methods from Globals.Api.Cors
    assertEquals(cdkRoutes, samRoutes);
  }

  @Test
  @SuppressWarnings("unchecked")
  void tablesAgree() {
    Map<String, Object> samTable =
        (Map<String, Object>) resources().get(onlySamResource("AWS::DynamoDB::Table"));
    Map<String, Object> samProps = (Map<String, Object>) samTable.get("Properties");
    Map<String, Object> cdkProps =
        Synth.properties(cdk, Synth.onlyLogicalId(cdk, "AWS::DynamoDB::Table"));
    for (String key :
        List.of(
            "KeySchema",
            "AttributeDefinitions",
            "BillingMode",
            "TimeToLiveSpecification",
            "PointInTimeRecoverySpecification",
            "GlobalSecondaryIndexes")) {
      assertEquals(cdkProps.get(key), samProps.get(key), key);
    }
    assertEquals("Retain", samTable.get("DeletionPolicy"));
    assertEquals("Retain", samTable.get("UpdateReplacePolicy"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void importBucketsAgree() {
    Map<String, Object> samBucket =
        (Map<String, Object>) resources().get(onlySamResource("AWS::S3::Bucket"));
    Map<String, Object> samProps = (Map<String, Object>) samBucket.get("Properties");
    Map<String, Object> cdkProps =
        Synth.properties(cdk, Synth.onlyLogicalId(cdk, "AWS::S3::Bucket"));
    for (String key :
        List.of(
            "BucketEncryption",
            "PublicAccessBlockConfiguration",
            "LifecycleConfiguration",
            "CorsConfiguration")) {
      assertNotNull(cdkProps.get(key), key);
      assertEquals(cdkProps.get(key), samProps.get(key), key);
    }
    assertEquals("Retain", samBucket.get("DeletionPolicy"));
    String samPolicy =
        ((Map<String, Object>) resources().get(onlySamResource("AWS::S3::BucketPolicy")))
            .toString();
    assertTrue(
        samPolicy.contains("Effect=Deny") && samPolicy.contains("aws:SecureTransport=false"),
        samPolicy);
    String selfInvoke =
        ((Map<String, Object>) resources().get(onlySamResource("AWS::IAM::Policy"))).toString();
    assertTrue(
        selfInvoke.contains("lambda:InvokeFunction") && selfInvoke.contains("Function.Arn}:*"),
        selfInvoke);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> samVariables() {
    return (Map<String, Object>)
        ((Map<String, Object>) samFunction.get("Environment")).get("Variables");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resources() {
    return (Map<String, Object>) sam.get("Resources");
  }

  @SuppressWarnings("unchecked")
  private static String onlySamResource(String type) {
    List<String> ids =
        resources().entrySet().stream()
            .filter(e -> type.equals(((Map<String, Object>) e.getValue()).get("Type")))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(1, ids.size(), type + ": " + ids);
    return ids.get(0);
  }
}
