package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.SamlRequest;
import dev.userpool.protocol.Json;
import dev.userpool.store.SamlRequestStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link SamlRequestStore} over the item table: a pending request is one item under its pool with
 * the TTL attribute at its expiry, taken by a delete on the version just read (like authorization
 * codes); a used assertion is an item written only if absent.
 */
public final class ItemSamlRequestStore implements SamlRequestStore {
  private final ItemTable table;

  public ItemSamlRequestStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(SamlRequest r) {
    ObjectNode o = Json.object();
    o.put("requestId", r.requestId());
    o.put("provider", r.providerName());
    o.put("authorization", r.authorization());
    o.put("expires", r.expiresAt().toEpochMilli());
    Item item =
        Item.of(Keys.poolPk(r.poolId()), Keys.samlRequestSk(r.relayStateHash()), Json.write(o))
            .withExpiresAt(r.expiresAt().getEpochSecond());
    table.write(List.of(Write.put(item, Condition.ABSENT)));
  }

  @Override
  public Optional<SamlRequest> consume(String poolId, String relayStateHash) {
    Optional<Item> found = table.get(Keys.poolPk(poolId), Keys.samlRequestSk(relayStateHash));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try {
      table.write(
          List.of(
              Write.delete(
                  found.get().pk(), found.get().sk(), Condition.versionIs(found.get().version()))));
    } catch (ConditionFailedException e) {
      return Optional.empty(); // another answer took it first
    }
    JsonNode o = Json.read(found.get().data());
    Instant expires = Instant.ofEpochMilli(o.get("expires").asLong());
    return Optional.of(
        new SamlRequest(
            poolId,
            relayStateHash,
            o.get("requestId").asText(),
            o.get("provider").asText(),
            o.get("authorization").asText(),
            expires));
  }

  @Override
  public boolean markAssertionUsed(String poolId, String assertionHash, Instant keepUntil) {
    Item item =
        Item.of(Keys.poolPk(poolId), Keys.samlAssertionSk(assertionHash), "{}")
            .withExpiresAt(keepUntil.getEpochSecond() + 1);
    try {
      table.write(List.of(Write.put(item, Condition.ABSENT)));
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }
}
