package dev.userpool.store.dynamodb;

import dev.userpool.store.table.Batches;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.FullScan;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The {@link ItemTable} on one DynamoDB table. A single-write batch is a conditional PutItem or
 * DeleteItem (half the write cost of a transaction); larger batches are one TransactWriteItems.
 * Expired items stay in the table until DynamoDB's TTL sweeper removes them, so reads filter them
 * and conditions treat them as absent.
 */
public final class DynamoDbItemTable implements ItemTable, FullScan {
  private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
  private static final String TRANSACTION_CONFLICT = "TransactionConflict";

  /**
   * A conflicting transaction on the same item is transient; beyond this it is reported like a lost
   * race.
   */
  private static final int MAX_TRANSACTION_ATTEMPTS = 4;

  /** BatchWriteItem's limit: 25 requests per call. */
  private static final int DELETES_PER_BATCH = 25;

  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<ItemRow> table;
  private final Clock clock;

  public DynamoDbItemTable(DynamoDbEnhancedClient enhanced, String tableName, Clock clock) {
    this.enhanced = enhanced;
    this.table = enhanced.table(tableName, ItemRow.SCHEMA);
    this.clock = clock;
  }

  /**
   * Wraps the client without the Enhanced client's default extensions: versioning is this class's
   * job.
   */
  public DynamoDbItemTable(DynamoDbClient client, String tableName, Clock clock) {
    this(
        DynamoDbEnhancedClient.builder().dynamoDbClient(client).extensions(List.of()).build(),
        tableName,
        clock);
  }

  @Override
  public Optional<Item> get(String pk, String sk) {
    ItemRow row =
        table.getItem(
            GetItemEnhancedRequest.builder().key(key(pk, sk)).consistentRead(true).build());
    return Optional.ofNullable(row).map(ItemRow::toItem).filter(i -> !i.isExpiredAt(now()));
  }

  @Override
  public List<Item> query(String pk, String skPrefix, String exclusiveStartSk, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    // DynamoDB rejects a start key outside the key condition; before the prefix means "from the
    // start",
    // after it means nothing is left.
    if (exclusiveStartSk != null && !exclusiveStartSk.startsWith(skPrefix)) {
      if (exclusiveStartSk.compareTo(skPrefix) > 0) {
        return List.of();
      }
      exclusiveStartSk = null;
    }
    QueryEnhancedRequest.Builder request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                skPrefix.isEmpty()
                    ? QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build())
                    : QueryConditional.sortBeginsWith(key(pk, skPrefix)))
            .consistentRead(true)
            .limit(limit);
    if (exclusiveStartSk != null) {
      request.exclusiveStartKey(
          Map.of(
              ItemRow.PK,
              AttributeValue.fromS(pk),
              ItemRow.SK,
              AttributeValue.fromS(exclusiveStartSk)));
    }
    long now = now();
    List<Item> live = new ArrayList<>(limit);
    // items() follows LastEvaluatedKey, so expired rows on one page are made up for from the next.
    for (ItemRow row : table.query(request.build()).items()) {
      Item item = row.toItem();
      if (!item.isExpiredAt(now)) {
        live.add(item);
        if (live.size() == limit) {
          break;
        }
      }
    }
    return live;
  }

  @Override
  public void write(List<Write> writes) {
    Batches.requireValid(writes);
    if (writes.isEmpty()) {
      return;
    }
    if (writes.size() == 1) {
      writeOne(writes.get(0));
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        enhanced.transactWriteItems(transaction(writes, now()));
        return;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons =
            e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size(); i++) {
          if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(i).code())) {
            throw new ConditionFailedException(i);
          }
        }
        if (reasons.stream().noneMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
          throw e;
        }
        if (attempt == MAX_TRANSACTION_ATTEMPTS) {
          throw new ConditionFailedException(-1);
        }
        backOff(attempt);
      }
    }
  }

  /**
   * A consistent, paginated Scan of the whole table; expired rows that TTL has not yet removed are
   * skipped.
   */
  @Override
  public void forEachLiveItem(Consumer<Item> each) {
    long now = now();
    for (ItemRow row :
        table.scan(ScanEnhancedRequest.builder().consistentRead(true).build()).items()) {
      Item item = row.toItem();
      if (!item.isExpiredAt(now)) {
        each.accept(item);
      }
    }
  }

  @Override
  public void clearExcept(String keptPk) {
    ScanEnhancedRequest keysOnly =
        ScanEnhancedRequest.builder()
            .consistentRead(true)
            .attributesToProject(ItemRow.PK, ItemRow.SK)
            .build();
    List<Key> batch = new ArrayList<>(DELETES_PER_BATCH);
    for (ItemRow row : table.scan(keysOnly).items()) {
      if (row.getPk().equals(keptPk)) {
        continue;
      }
      batch.add(key(row.getPk(), row.getSk()));
      if (batch.size() == DELETES_PER_BATCH) {
        deleteAll(batch);
        batch.clear();
      }
    }
    deleteAll(batch);
  }

  /**
   * Deletes the keys in one BatchWriteItem (a reset of a table with thousands of items would
   * otherwise be thousands of round trips); keys DynamoDB leaves unprocessed are sent again.
   */
  private void deleteAll(List<Key> keys) {
    List<Key> pending = keys;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      WriteBatch.Builder<ItemRow> batch =
          WriteBatch.builder(ItemRow.class).mappedTableResource(table);
      pending.forEach(batch::addDeleteItem);
      BatchWriteResult result =
          enhanced.batchWriteItem(
              BatchWriteItemEnhancedRequest.builder().addWriteBatch(batch.build()).build());
      pending = result.unprocessedDeleteItemsForTable(table);
      if (!pending.isEmpty()) {
        backOff(Math.min(attempt, 8));
      }
    }
  }

  /**
   * Creates the table if it does not exist (on-demand capacity, TTL on {@code expiresAt}) and waits
   * until it is usable. For tests and local tooling; deployed tables come from the infrastructure
   * stack.
   */
  public static void createTable(DynamoDbClient client, String tableName) {
    try {
      client.createTable(
          b ->
              b.tableName(tableName)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(ItemRow.PK)
                          .attributeType(ScalarAttributeType.S)
                          .build(),
                      AttributeDefinition.builder()
                          .attributeName(ItemRow.SK)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName(ItemRow.PK)
                          .keyType(KeyType.HASH)
                          .build(),
                      KeySchemaElement.builder()
                          .attributeName(ItemRow.SK)
                          .keyType(KeyType.RANGE)
                          .build()));
    } catch (ResourceInUseException alreadyExists) {
      // Idempotent: local tooling calls this on every start.
    }
    client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    try {
      client.updateTimeToLive(
          b ->
              b.tableName(tableName)
                  .timeToLiveSpecification(t -> t.enabled(true).attributeName(ItemRow.EXPIRES_AT)));
    } catch (SdkException unsupportedOrAlreadyEnabled) {
      // Reads filter expired items anyway; TTL only keeps the table small.
    }
  }

  private void writeOne(Write write) {
    var condition = ConditionExpressions.of(write.condition(), now());
    try {
      if (write instanceof Write.Put put) {
        table.putItem(
            PutItemEnhancedRequest.builder(ItemRow.class)
                .item(ItemRow.stored(put.item()))
                .conditionExpression(condition)
                .build());
      } else {
        Write.Delete delete = (Write.Delete) write;
        table.deleteItem(
            DeleteItemEnhancedRequest.builder()
                .key(key(delete.pk(), delete.sk()))
                .conditionExpression(condition)
                .build());
      }
    } catch (ConditionalCheckFailedException e) {
      throw new ConditionFailedException(0);
    }
  }

  private TransactWriteItemsEnhancedRequest transaction(List<Write> writes, long now) {
    TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
    for (Write write : writes) {
      var condition = ConditionExpressions.of(write.condition(), now);
      if (write instanceof Write.Put put) {
        tx.addPutItem(
            table,
            TransactPutItemEnhancedRequest.builder(ItemRow.class)
                .item(ItemRow.stored(put.item()))
                .conditionExpression(condition)
                .build());
      } else {
        Write.Delete delete = (Write.Delete) write;
        tx.addDeleteItem(
            table,
            TransactDeleteItemEnhancedRequest.builder()
                .key(key(delete.pk(), delete.sk()))
                .conditionExpression(condition)
                .build());
      }
    }
    return tx.build();
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConditionFailedException(-1);
    }
  }

  private static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
