package dev.userpool.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The CDK app: one environment-agnostic stack deploying the shaded Lambda jar. Run by cdk.json from
 * infra/.
 *
 * <p>Context keys besides the settings in function-environment.json: {@code userpool:stackName}
 * (default {@value #DEFAULT_STACK_NAME}) and {@code userpool:lambdaJar} (default {@value
 * #DEFAULT_JAR}, relative to infra/).
 */
public final class UserpoolApp {
  static final String DEFAULT_STACK_NAME = "Userpool";
  static final String DEFAULT_JAR = "../functions/target/userpool-functions-lambda.jar";

  private UserpoolApp() {}

  public static void main(String[] args) {
    App app = new App();
    DeploymentSettings context = new DeploymentSettings(app.getNode());
    String stackName = orDefault(context.get("stackName"), DEFAULT_STACK_NAME);
    Path jar = Path.of(orDefault(context.get("lambdaJar"), DEFAULT_JAR));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Lambda jar "
              + jar.toAbsolutePath().normalize()
              + " not found; build it first with "
              + "`mvn -B -pl functions -am package -DskipTests` from the repository root");
    }
    new UserpoolStack(
        app,
        stackName,
        StackProps.builder().description("Userpool: the Amazon Cognito user pools API").build(),
        Code.fromAsset(jar.toString()));
    app.synth();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
