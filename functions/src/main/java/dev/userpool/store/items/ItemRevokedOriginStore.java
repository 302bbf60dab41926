package dev.userpool.store.items;

import dev.userpool.protocol.Json;
import dev.userpool.store.RevokedOriginStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link RevokedOriginStore} over the item table: {@code POOL#<poolId> / REVOKED#<origin_jti>},
 * expiring (TTL).
 */
public final class ItemRevokedOriginStore implements RevokedOriginStore {
  private final ItemTable table;

  public ItemRevokedOriginStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void revoke(String poolId, String originJti, Instant until) {
    Item item =
        Item.of(
                Keys.poolPk(poolId),
                Keys.revokedOriginSk(originJti),
                Json.write(Map.of("revokedUntil", until.getEpochSecond())))
            .withExpiresAt(until.getEpochSecond());
    table.write(List.of(Write.put(item, Condition.NONE)));
  }

  @Override
  public boolean isRevoked(String poolId, String originJti) {
    return originJti != null
        && table.get(Keys.poolPk(poolId), Keys.revokedOriginSk(originJti)).isPresent();
  }
}
