package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.AuthEvent;
import dev.userpool.domain.Page;
import dev.userpool.protocol.Json;
import dev.userpool.store.AuthEventStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuthEventStore} over the item table: one item per event under its pool, keyed by the
 * user's sub and the inverted creation time so that ascending sort-key order is newest first
 * ({@code AUTHEVENT#<sub>#<inverted microseconds>#<eventId>}), and a pointer from the event id to
 * that key ({@code AUTHEVENTID#<sub>#<eventId>}), written in the same batch. Both expire (TTL)
 * {@code retention} after the event.
 */
public final class ItemAuthEventStore implements AuthEventStore {
  private final ItemTable table;
  private final Duration retention;

  public ItemAuthEventStore(ItemTable table, Duration retention) {
    this.table = table;
    this.retention = retention;
  }

  @Override
  public void create(AuthEvent event) {
    String pk = Keys.poolPk(event.poolId());
    String sk = Keys.authEventSk(event.sub(), event.createdAt(), event.eventId());
    long expires = event.createdAt().plus(retention).getEpochSecond();
    ObjectNode pointer = Json.object();
    pointer.put("sk", sk);
    table.write(
        List.of(
            Write.put(Item.of(pk, sk, encode(event)).withExpiresAt(expires), Condition.ABSENT),
            Write.put(
                Item.of(pk, Keys.authEventIdSk(event.sub(), event.eventId()), Json.write(pointer))
                    .withExpiresAt(expires),
                Condition.ABSENT)));
  }

  @Override
  public Optional<AuthEvent> find(String poolId, String sub, String eventId) {
    String pk = Keys.poolPk(poolId);
    return table
        .get(pk, Keys.authEventIdSk(sub, eventId))
        .flatMap(pointer -> table.get(pk, Json.read(pointer.data()).get("sk").asText()))
        .map(i -> decode(poolId, sub, i));
  }

  @Override
  public Page<AuthEvent> listOf(String poolId, String sub, int limit, String nextToken) {
    String prefix = Keys.authEventPrefix(sub);
    List<Item> items =
        table.query(Keys.poolPk(poolId), prefix, Paging.sortKey(nextToken, prefix), limit + 1);
    List<AuthEvent> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      out.add(decode(poolId, sub, items.get(i)));
    }
    String token = items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null;
    return new Page<>(out, token);
  }

  @Override
  public AuthEvent update(AuthEvent before, AuthEvent after) {
    Item item =
        Item.of(
                Keys.poolPk(after.poolId()),
                Keys.authEventSk(after.sub(), after.createdAt(), after.eventId()),
                encode(after))
            .withExpiresAt(after.createdAt().plus(retention).getEpochSecond())
            .withVersion(before.version());
    try {
      table.write(List.of(Write.put(item, Condition.versionIs(before.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return withVersion(after, before.version() + 1);
  }

  private static String encode(AuthEvent e) {
    ObjectNode o = Json.object();
    o.put("id", e.eventId());
    o.put("type", e.eventType());
    o.put("created", e.createdAt().getEpochSecond());
    o.put("createdNanos", e.createdAt().getNano());
    o.put("response", e.response());
    putIfSet(o, "riskDecision", e.riskDecision());
    putIfSet(o, "riskLevel", e.riskLevel());
    ArrayNode challenges = o.putArray("challenges");
    for (AuthEvent.Challenge c : e.challenges()) {
      challenges.addObject().put("name", c.name()).put("response", c.response());
    }
    putIfSet(o, "ip", e.ipAddress());
    putIfSet(o, "device", e.deviceName());
    putIfSet(o, "feedbackTokenHash", e.feedbackTokenHash());
    putIfSet(o, "feedbackValue", e.feedbackValue());
    putIfSet(o, "feedbackProvider", e.feedbackProvider());
    if (e.feedbackDate() != null) {
      o.put("feedbackDate", e.feedbackDate().toEpochMilli());
    }
    return Json.write(o);
  }

  private static AuthEvent decode(String poolId, String sub, Item item) {
    JsonNode o = Json.read(item.data());
    List<AuthEvent.Challenge> challenges = new ArrayList<>();
    for (JsonNode c : o.path("challenges")) {
      challenges.add(new AuthEvent.Challenge(c.get("name").asText(), c.get("response").asText()));
    }
    return new AuthEvent(
        poolId,
        sub,
        o.get("id").asText(),
        o.get("type").asText(),
        Instant.ofEpochSecond(o.get("created").asLong(), o.path("createdNanos").asLong()),
        o.get("response").asText(),
        text(o, "riskDecision"),
        text(o, "riskLevel"),
        challenges,
        text(o, "ip"),
        text(o, "device"),
        text(o, "feedbackTokenHash"),
        text(o, "feedbackValue"),
        text(o, "feedbackProvider"),
        o.hasNonNull("feedbackDate") ? Instant.ofEpochMilli(o.get("feedbackDate").asLong()) : null,
        item.version());
  }

  private static AuthEvent withVersion(AuthEvent e, long version) {
    return new AuthEvent(
        e.poolId(),
        e.sub(),
        e.eventId(),
        e.eventType(),
        e.createdAt(),
        e.response(),
        e.riskDecision(),
        e.riskLevel(),
        e.challenges(),
        e.ipAddress(),
        e.deviceName(),
        e.feedbackTokenHash(),
        e.feedbackValue(),
        e.feedbackProvider(),
        e.feedbackDate(),
        version);
  }

  private static void putIfSet(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  private static String text(JsonNode o, String name) {
    return o.hasNonNull(name) ? o.get(name).asText() : null;
  }
}
