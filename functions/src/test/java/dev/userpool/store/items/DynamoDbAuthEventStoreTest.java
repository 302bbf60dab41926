package dev.userpool.store.items;

import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.store.table.ItemTable;
import dev.userpool.testing.MotoServer;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The auth event store over DynamoDB's API as moto serves it; a fresh table per test. */
class DynamoDbAuthEventStoreTest extends AuthEventStoreContract {
  private static DynamoDbClient client;

  @BeforeAll
  static void connect() {
    client = MotoServer.dynamoDbClient();
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @Override
  protected ItemTable newTable() {
    String name = MotoServer.uniqueTableName(DynamoDbAuthEventStoreTest.class);
    DynamoDbItemTable.createTable(client, name);
    return new DynamoDbItemTable(client, name, Clock.systemUTC());
  }
}
