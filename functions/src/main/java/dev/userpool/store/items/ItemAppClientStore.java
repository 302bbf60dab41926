package dev.userpool.store.items;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.Page;
import dev.userpool.protocol.Json;
import dev.userpool.store.AppClientStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AppClientStore} over the item table: the client under its pool plus a pointer keyed by
 * client id.
 */
public final class ItemAppClientStore implements AppClientStore {
  private final ItemTable table;

  public ItemAppClientStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(AppClient client) {
    try {
      table.write(
          List.of(
              Write.put(
                  Item.of(
                      Keys.poolPk(client.userPoolId()),
                      Keys.clientSk(client.clientId()),
                      Codec.client(client)),
                  Condition.ABSENT),
              Write.put(
                  Item.of(
                      Keys.clientPointerPk(client.clientId()),
                      Keys.CLIENT_POINTER_SK,
                      Json.write(Map.of("poolId", client.userPoolId()))),
                  Condition.ABSENT)));
    } catch (ConditionFailedException e) {
      throw new IllegalStateException("client id collision: " + client.clientId());
    }
  }

  @Override
  public Optional<AppClient> find(String poolId, String clientId) {
    return table
        .get(Keys.poolPk(poolId), Keys.clientSk(clientId))
        .map(i -> Codec.client(i.data(), i.version()));
  }

  @Override
  public Optional<AppClient> findByClientId(String clientId) {
    return table
        .get(Keys.clientPointerPk(clientId), Keys.CLIENT_POINTER_SK)
        .flatMap(pointer -> find(Json.read(pointer.data()).get("poolId").asText(), clientId));
  }

  @Override
  public AppClient update(AppClient client) {
    Item item =
        new Item(
            Keys.poolPk(client.userPoolId()),
            Keys.clientSk(client.clientId()),
            client.version(),
            null,
            Codec.client(client));
    try {
      table.write(List.of(Write.put(item, Condition.versionIs(client.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return client.withVersion(client.version() + 1);
  }

  @Override
  public void delete(AppClient client) {
    table.write(
        List.of(
            Write.delete(
                Keys.poolPk(client.userPoolId()), Keys.clientSk(client.clientId()), Condition.NONE),
            Write.delete(
                Keys.clientPointerPk(client.clientId()), Keys.CLIENT_POINTER_SK, Condition.NONE)));
  }

  @Override
  public Page<AppClient> list(String poolId, int limit, String nextToken) {
    String prefix = "CLIENT#";
    List<Item> items =
        table.query(Keys.poolPk(poolId), prefix, Paging.sortKey(nextToken, prefix), limit + 1);
    List<AppClient> clients = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      clients.add(Codec.client(items.get(i).data(), items.get(i).version()));
    }
    String token = items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null;
    return new Page<>(clients, token);
  }
}
