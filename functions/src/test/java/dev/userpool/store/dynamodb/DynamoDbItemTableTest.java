package dev.userpool.store.dynamodb;

import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.ItemTableContract;
import dev.userpool.testing.MotoServer;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The item table contract against DynamoDB's API as served by moto; one table for the whole class.
 */
class DynamoDbItemTableTest extends ItemTableContract {
  private static DynamoDbClient client;
  private static String tableName;

  @BeforeAll
  static void createTable() {
    client = MotoServer.dynamoDbClient();
    tableName = MotoServer.uniqueTableName(DynamoDbItemTableTest.class);
    DynamoDbItemTable.createTable(client, tableName);
  }

  @AfterAll
  static void deleteTable() {
    client.deleteTable(b -> b.tableName(tableName));
    client.close();
  }

  @Override
  protected ItemTable createTable(Clock clock) {
    return new DynamoDbItemTable(client, tableName, clock);
  }
}
