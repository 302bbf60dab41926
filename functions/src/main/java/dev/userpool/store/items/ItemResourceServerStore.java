package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.ResourceServer;
import dev.userpool.protocol.Json;
import dev.userpool.store.ResourceServerStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ResourceServerStore} over the item table: one item per resource server in its pool's
 * partition.
 */
public final class ItemResourceServerStore implements ResourceServerStore {
  private final ItemTable table;

  public ItemResourceServerStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public boolean create(ResourceServer server) {
    try {
      table.write(List.of(Write.put(item(server), Condition.ABSENT)));
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<ResourceServer> find(String poolId, String identifier) {
    return table
        .get(Keys.poolPk(poolId), Keys.resourceServerSk(identifier))
        .map(i -> decode(poolId, i));
  }

  @Override
  public ResourceServer update(ResourceServer before, ResourceServer after) {
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
  public void delete(ResourceServer server) {
    table.write(
        List.of(
            Write.delete(
                Keys.poolPk(server.userPoolId()),
                Keys.resourceServerSk(server.identifier()),
                Condition.NONE)));
  }

  @Override
  public Page<ResourceServer> list(String poolId, int limit, String nextToken) {
    String prefix = Keys.RESOURCE_SERVER_PREFIX;
    List<Item> items =
        table.query(Keys.poolPk(poolId), prefix, Paging.sortKey(nextToken, prefix), limit + 1);
    List<ResourceServer> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      out.add(decode(poolId, items.get(i)));
    }
    String token = items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null;
    return new Page<>(out, token);
  }

  @Override
  public int count(String poolId, int atMost) {
    return table.query(Keys.poolPk(poolId), Keys.RESOURCE_SERVER_PREFIX, null, atMost).size();
  }

  private static Item item(ResourceServer s) {
    ObjectNode o = Json.object();
    o.put("identifier", s.identifier());
    o.put("name", s.name());
    ArrayNode scopes = o.putArray("scopes");
    for (ResourceServer.Scope scope : s.scopes()) {
      scopes.addObject().put("name", scope.name()).put("description", scope.description());
    }
    return Item.of(
        Keys.poolPk(s.userPoolId()), Keys.resourceServerSk(s.identifier()), Json.write(o));
  }

  private static ResourceServer decode(String poolId, Item i) {
    JsonNode o = Json.read(i.data());
    List<ResourceServer.Scope> scopes = new ArrayList<>();
    for (JsonNode scope : o.get("scopes")) {
      scopes.add(
          new ResourceServer.Scope(scope.get("name").asText(), scope.get("description").asText()));
    }
    return new ResourceServer(
        poolId, o.get("identifier").asText(), o.get("name").asText(), scopes, i.version());
  }
}
