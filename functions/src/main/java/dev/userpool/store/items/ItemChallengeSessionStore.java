package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.ChallengeSession;
import dev.userpool.protocol.Json;
import dev.userpool.store.ChallengeSessionStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ChallengeSessionStore} over the item table: one item per session under its pool, expiring
 * with the session. Consuming rewrites it with {@code used=true} on the version read, so of two
 * concurrent answers only one wins; the used item stays until it expires, which is what tells a
 * replay apart from an expired session.
 */
public final class ItemChallengeSessionStore implements ChallengeSessionStore {
  private final ItemTable table;

  public ItemChallengeSessionStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(ChallengeSession session) {
    Item item =
        Item.of(
                Keys.poolPk(session.poolId()),
                Keys.challengeSessionSk(session.id()),
                encode(session))
            .withExpiresAt(session.expiresAt().getEpochSecond());
    table.write(List.of(Write.put(item, Condition.ABSENT)));
  }

  @Override
  public Optional<ChallengeSession> find(String poolId, String id) {
    return table
        .get(Keys.poolPk(poolId), Keys.challengeSessionSk(id))
        .map(i -> decode(poolId, id, i.data()));
  }

  @Override
  public Consumed consume(String poolId, String id) {
    Optional<Item> found = table.get(Keys.poolPk(poolId), Keys.challengeSessionSk(id));
    if (found.isEmpty()) {
      return new Consumed.Missing();
    }
    Item item = found.get();
    ChallengeSession session = decode(poolId, id, item.data());
    if (session.used()) {
      return new Consumed.AlreadyUsed(session);
    }
    ChallengeSession used = session.markUsed();
    try {
      table.write(
          List.of(Write.put(item.withData(encode(used)), Condition.versionIs(item.version()))));
    } catch (ConditionFailedException e) {
      return new Consumed.AlreadyUsed(
          session); // another answer consumed it first (or it expired meanwhile)
    }
    return new Consumed.Taken(used);
  }

  @Override
  public boolean reopen(ChallengeSession taken) {
    Optional<Item> found =
        table.get(Keys.poolPk(taken.poolId()), Keys.challengeSessionSk(taken.id()));
    if (found.isEmpty()) {
      return false;
    }
    Item item = found.get();
    ChallengeSession stored = decode(taken.poolId(), taken.id(), item.data());
    if (!stored.used() || stored.failedAttempts() != taken.failedAttempts()) {
      return false;
    }
    try {
      table.write(
          List.of(
              Write.put(
                  item.withData(encode(stored.reopenedAfterFailure())),
                  Condition.versionIs(item.version()))));
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }

  private static String encode(ChallengeSession s) {
    ObjectNode o = Json.object();
    o.put("clientId", s.clientId());
    if (s.sub() != null) {
      o.put("sub", s.sub());
    }
    o.put("challenge", s.challengeName());
    o.put("created", s.createdAt().toEpochMilli());
    o.put("expires", s.expiresAt().toEpochMilli());
    o.put("used", s.used());
    if (s.failedAttempts() > 0) {
      o.put("failed", s.failedAttempts());
    }
    if (s.state() != null) {
      o.put("state", s.state());
    }
    return Json.write(o);
  }

  private static ChallengeSession decode(String poolId, String id, String data) {
    JsonNode o = Json.read(data);
    String sub = o.hasNonNull("sub") ? o.get("sub").asText() : null;
    return new ChallengeSession(
        poolId,
        id,
        o.get("clientId").asText(),
        sub,
        o.get("challenge").asText(),
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("expires").asLong()),
        o.get("used").asBoolean(),
        o.path("failed").asInt(0),
        o.hasNonNull("state") ? o.get("state").asText() : null);
  }
}
