package dev.userpool.local;

import dev.userpool.testing.MotoServer;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The store that the ITs' in-process servers run on, chosen with system property {@value
 * #PROPERTY}: {@code embedded} (the default) keeps the options each test gives; {@code dynamodb}
 * moves every in-memory server onto a fresh DynamoDB table of its own in this JVM's moto, so the
 * same tests cover the store a deployment runs on. Servers on a data folder or already on DynamoDB
 * keep their store: their tests are about it.
 */
final class ItStore {
  static final String PROPERTY = "userpool.it.store";

  private ItStore() {}

  /** True when the ITs run on DynamoDB ({@code -Duserpool.it.store=dynamodb}). */
  static boolean onDynamoDb() {
    String value = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "", "embedded" -> false;
      case "dynamodb" -> true;
      default ->
          throw new IllegalStateException(
              "-D" + PROPERTY + " must be embedded or dynamodb, not '" + value + "'");
    };
  }

  /**
   * {@code options}, moved onto a new table in moto (named after {@code testClass}) when the ITs
   * run on DynamoDB and the server would otherwise keep its data in memory.
   */
  static LocalOptions chosen(LocalOptions options, Class<?> testClass) {
    if (!onDynamoDb() || !options.inMemory() || options.store().dynamoDbEndpoint() != null) {
      return options;
    }
    return options.withDynamoDb(
        MotoServer.endpoint().toString(), MotoServer.uniqueTableName(testClass));
  }

  /**
   * Deletes the table that {@link #chosen} gave {@code original}'s server, so moto does not carry
   * every test class's data to the end of the run; nothing when the server was not moved.
   */
  static void dropTable(LocalOptions original, LocalOptions used) {
    if (used == original || used.store().dynamoDbEndpoint() == null) {
      return;
    }
    try (DynamoDbClient dynamoDb = MotoServer.dynamoDbClient()) {
      dynamoDb.deleteTable(b -> b.tableName(used.store().tableName()));
    } catch (ResourceNotFoundException alreadyGone) {
      // Nothing to free.
    }
  }
}
