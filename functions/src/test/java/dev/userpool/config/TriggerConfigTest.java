package dev.userpool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerConfigTest {

  @Test
  void whenLambdaVariablesAreSetThenTheConfigurationCarriesThem() {
    AppConfig config =
        AppConfig.fromMap(
            Map.of(
                "USERPOOL_LAMBDA_ENDPOINT", "http://127.0.0.1:3001",
                "USERPOOL_DEFAULT_CUSTOM_MESSAGE_LAMBDA_ARN",
                    "arn:aws:lambda:us-east-1:123456789012:function:msgs"));
    assertEquals("http://127.0.0.1:3001", config.lambdaEndpoint());
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:msgs",
        config.defaultCustomMessageLambdaArn());
  }

  @Test
  void whenLambdaVariablesAreBlankThenRegionalLambdaAndNoDefaultFunction() {
    // template.yaml passes the DefaultCustomMessageLambdaArn parameter through even when it is
    // empty.
    AppConfig config = AppConfig.fromMap(Map.of("USERPOOL_DEFAULT_CUSTOM_MESSAGE_LAMBDA_ARN", ""));
    assertNull(config.lambdaEndpoint());
    assertNull(config.defaultCustomMessageLambdaArn());
    assertEquals("http://x:1", config.withLambdaEndpoint("http://x:1").lambdaEndpoint());
    assertNull(config.withLambdaEndpoint(" ").lambdaEndpoint());
  }
}
