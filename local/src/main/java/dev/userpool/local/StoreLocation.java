package dev.userpool.local;

import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.table.FullScan;
import dev.userpool.store.table.ItemTable;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where a store command reads or writes: an embedded store's folder, or a DynamoDB table — a
 * deployment's (the default AWS credentials chain and region) or one at another endpoint such as a
 * local DynamoDB or moto.
 */
record StoreLocation(Path dataDir, String tableName, String dynamoDbEndpoint, String region) {
  static final String DEFAULT_TABLE = "userpool";

  boolean isDynamoDb() {
    return dataDir == null;
  }

  String describe() {
    return isDynamoDb()
        ? "DynamoDB table "
            + tableName
            + (dynamoDbEndpoint == null ? " in " + region : " at " + dynamoDbEndpoint)
        : dataDir.toAbsolutePath().toString();
  }

  /**
   * Opens the store; a missing DynamoDB table is created (as the stack defines it) when {@code
   * create} is set.
   */
  <T extends ItemTable & FullScan> T open(Clock clock, boolean create) {
    if (!isDynamoDb()) {
      @SuppressWarnings("unchecked")
      T table = (T) EmbeddedItemTable.open(dataDir, clock);
      return table;
    }
    AppConfig config =
        new AppConfig(
            "dynamodb", tableName, dynamoDbEndpoint, null, AppConfig.DEFAULT_ACCOUNT, region, null);
    DynamoDbClient client = Wiring.dynamoDbClient(config);
    if (create) {
      DynamoDbItemTable.createTable(client, tableName);
    }
    @SuppressWarnings("unchecked")
    T table = (T) new DynamoDbItemTable(client, tableName, clock);
    return table;
  }
}
