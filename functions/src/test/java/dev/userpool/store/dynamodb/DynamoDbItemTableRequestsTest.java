package dev.userpool.store.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.Write;
import dev.userpool.testing.MutableClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What the DynamoDB table sends and how it reads DynamoDB's refusals, including cancellations moto
 * cannot produce (transaction conflicts). Runs against a scripted client, no server.
 */
class DynamoDbItemTableRequestsTest {
  private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
  private final ScriptedClient client = new ScriptedClient();
  private final DynamoDbItemTable table = new DynamoDbItemTable(client, "items", clock);

  private final List<Write> batch =
      List.of(
          Write.put(new Item("p", "a", 5, null, "{}"), Condition.versionIs(5)),
          Write.put(Item.of("p", "b", "{}").withExpiresAt(123L), Condition.ABSENT),
          Write.delete("p", "c", Condition.EXISTS));

  @Test
  void whenBatchWrittenThenOneTransactionCarriesVersionPlusOneAndTheConditions() {
    table.write(batch);

    List<TransactWriteItem> items = client.transactions.get(0).transactItems();
    Map<String, AttributeValue> a = items.get(0).put().item();
    assertEquals("6", a.get("version").n());
    assertFalse(a.containsKey("expiresAt"), "no TTL attribute when the item does not expire");
    assertEquals("{}", a.get("data").s());
    assertEquals(
        "#v = :v AND (attribute_not_exists(#e) OR #e > :now)",
        items.get(0).put().conditionExpression());
    assertEquals("5", items.get(0).put().expressionAttributeValues().get(":v").n());
    assertEquals(
        String.valueOf(clock.epochSecond()),
        items.get(0).put().expressionAttributeValues().get(":now").n());
    assertEquals("123", items.get(1).put().item().get("expiresAt").n());
    assertEquals(
        "attribute_not_exists(#pk) OR #e <= :now", items.get(1).put().conditionExpression());
    assertEquals(
        "attribute_exists(#pk) AND (attribute_not_exists(#e) OR #e > :now)",
        items.get(2).delete().conditionExpression());
  }

  @Test
  void whenSingleWriteThenPlainConditionalPutWithoutTransaction() {
    table.write(List.of(Write.put(Item.of("p", "a", "{}"), Condition.NONE)));

    assertEquals(0, client.transactions.size());
    assertEquals("1", client.puts.get(0).item().get("version").n());
    assertNull(client.puts.get(0).conditionExpression());
  }

  @Test
  void whenSingleWriteFailsItsConditionThenIndexIsZero() {
    client.putFails = true;

    ConditionFailedException e =
        assertThrows(
            ConditionFailedException.class,
            () -> table.write(List.of(Write.put(Item.of("p", "a", "{}"), Condition.ABSENT))));
    assertEquals(0, e.index());
  }

  @Test
  void whenTransactionCancelledByConditionsThenIndexOfTheFirstFailedCheck() {
    client.transactOutcomes.add(
        cancelled("None", "ConditionalCheckFailed", "ConditionalCheckFailed"));

    ConditionFailedException e =
        assertThrows(ConditionFailedException.class, () -> table.write(batch));
    assertEquals(1, e.index());
  }

  @Test
  void whenTransactionConflictIsTransientThenTheRetrySucceeds() {
    client.transactOutcomes.add(cancelled("None", "TransactionConflict", "None"));

    table.write(batch);

    assertEquals(2, client.transactions.size());
  }

  @Test
  void whenTransactionConflictPersistsThenConditionFailsWithUnknownIndex() {
    for (int i = 0; i < 10; i++) {
      client.transactOutcomes.add(cancelled("TransactionConflict", "None", "None"));
    }

    ConditionFailedException e =
        assertThrows(ConditionFailedException.class, () -> table.write(batch));
    assertEquals(-1, e.index());
    assertEquals(4, client.transactions.size());
  }

  @Test
  void whenTransactionCancelledForAnotherReasonThenTheErrorSurfaces() {
    TransactionCanceledException throttled = cancelled("ThrottlingError", "None", "None");
    client.transactOutcomes.add(throttled);

    assertSame(
        throttled, assertThrows(TransactionCanceledException.class, () -> table.write(batch)));
  }

  private static TransactionCanceledException cancelled(String... codes) {
    return TransactionCanceledException.builder()
        .message("cancelled")
        .cancellationReasons(
            Arrays.stream(codes).map(c -> CancellationReason.builder().code(c).build()).toList())
        .build();
  }

  /**
   * Records requests; each transaction fails with the next scripted cancellation, if any is left.
   */
  private static final class ScriptedClient implements DynamoDbClient {
    final List<TransactWriteItemsRequest> transactions = new ArrayList<>();
    final Deque<TransactionCanceledException> transactOutcomes = new ArrayDeque<>();
    final List<PutItemRequest> puts = new ArrayList<>();
    boolean putFails;

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
      transactions.add(request);
      TransactionCanceledException outcome = transactOutcomes.poll();
      if (outcome != null) {
        throw outcome;
      }
      return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      puts.add(request);
      if (putFails) {
        throw ConditionalCheckFailedException.builder().message("failed").build();
      }
      return PutItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
