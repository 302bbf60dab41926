package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.UserImportJob;
import dev.userpool.protocol.Json;
import dev.userpool.store.ImportJobStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ImportJobStore} over the item table: one item per job at {@code POOL#<poolId> /
 * IMPORTJOB#<jobId>}, in the pool's partition so that deleting the pool deletes its jobs. Updates
 * are conditioned on the item's version.
 */
public final class ItemImportJobStore implements ImportJobStore {
  static final String PREFIX = "IMPORTJOB#";

  private final ItemTable table;

  public ItemImportJobStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(UserImportJob job) {
    table.write(List.of(Write.put(item(job), Condition.ABSENT)));
  }

  @Override
  public Optional<UserImportJob> find(String poolId, String jobId) {
    return table.get(Keys.poolPk(poolId), PREFIX + jobId).map(ItemImportJobStore::job);
  }

  @Override
  public UserImportJob update(UserImportJob before, UserImportJob after) {
    try {
      table.write(
          List.of(
              Write.put(
                  item(after).withVersion(before.version()),
                  Condition.versionIs(before.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return after.withVersion(before.version() + 1);
  }

  @Override
  public Page<UserImportJob> list(String poolId, int limit, String paginationToken) {
    List<Item> items =
        table.query(
            Keys.poolPk(poolId), PREFIX, Paging.sortKey(paginationToken, PREFIX), limit + 1);
    List<UserImportJob> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      out.add(job(items.get(i)));
    }
    String token = items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null;
    return new Page<>(out, token);
  }

  private static Item item(UserImportJob j) {
    ObjectNode o = Json.object();
    o.put("userPoolId", j.userPoolId());
    o.put("jobId", j.jobId());
    o.put("jobName", j.jobName());
    o.put("status", j.status());
    o.put("creationDate", j.creationDate().toString());
    putInstant(o, "startDate", j.startDate());
    putInstant(o, "completionDate", j.completionDate());
    o.put("cloudWatchLogsRoleArn", j.cloudWatchLogsRoleArn());
    o.put("importedUsers", j.importedUsers());
    o.put("skippedUsers", j.skippedUsers());
    o.put("failedUsers", j.failedUsers());
    o.put("completionMessage", j.completionMessage());
    o.put("preSignedUrl", j.preSignedUrl());
    o.put("uploadTokenHash", j.uploadTokenHash());
    return Item.of(Keys.poolPk(j.userPoolId()), PREFIX + j.jobId(), Json.write(o));
  }

  private static void putInstant(ObjectNode o, String name, Instant value) {
    if (value != null) {
      o.put(name, value.toString());
    }
  }

  private static UserImportJob job(Item item) {
    JsonNode d = Json.read(item.data());
    return new UserImportJob(
        text(d, "userPoolId"),
        text(d, "jobId"),
        text(d, "jobName"),
        text(d, "status"),
        Instant.parse(text(d, "creationDate")),
        instant(d, "startDate"),
        instant(d, "completionDate"),
        text(d, "cloudWatchLogsRoleArn"),
        d.path("importedUsers").asLong(),
        d.path("skippedUsers").asLong(),
        d.path("failedUsers").asLong(),
        text(d, "completionMessage"),
        text(d, "preSignedUrl"),
        text(d, "uploadTokenHash"),
        item.version());
  }

  private static String text(JsonNode d, String name) {
    JsonNode v = d.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(JsonNode d, String name) {
    String v = text(d, name);
    return v == null ? null : Instant.parse(v);
  }
}
