package dev.userpool.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pools with a LambdaConfig, contexts, and the expected events under src/test/resources/triggers.
 */
final class TriggerFixtures {
  static final String POOL_ID = "us-east-1_Trigg3rs1";
  static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";
  static final Map<String, String> ATTRIBUTES = Map.of("email", "jane@example.com");
  static final Map<String, String> METADATA = Map.of("campaign", "spring");

  private TriggerFixtures() {}

  /** A pool whose LambdaConfig is exactly {@code lambdaConfig}. */
  static UserPool pool(Map<String, Object> lambdaConfig) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("LambdaConfig", lambdaConfig);
    Instant t = Instant.parse("2024-05-01T10:00:00Z");
    return new UserPool(
        POOL_ID,
        "triggers",
        "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL_ID,
        t,
        t,
        settings,
        Map.of(),
        1);
  }

  /**
   * A pool with a function for every trigger, named after the trigger; PreTokenGeneration as V1.
   */
  static UserPool poolWithAllTriggers() {
    Map<String, Object> config = new LinkedHashMap<>();
    for (Trigger t : Trigger.values()) {
      boolean versioned =
          t == Trigger.CUSTOM_EMAIL_SENDER
              || t == Trigger.CUSTOM_SMS_SENDER
              || t == Trigger.INBOUND_FEDERATION;
      config.put(
          t.cognitoName(),
          versioned
              ? Map.of("LambdaVersion", "V1_0", "LambdaArn", arn(t.cognitoName()))
              : arn(t.cognitoName()));
    }
    config.put("KMSKeyID", "arn:aws:kms:us-east-1:123456789012:key/k1");
    return pool(config);
  }

  static String arn(String name) {
    return ARN_PREFIX + name;
  }

  static TriggerContext context(UserPool pool, Map<String, String> metadata) {
    return new TriggerContext(pool, "client1example", "jane", ATTRIBUTES, metadata);
  }

  static JsonNode expected(String name) {
    try (InputStream in =
        TriggerFixtures.class.getResourceAsStream("/triggers/" + name + ".json")) {
      return TriggerJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return TriggerJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
