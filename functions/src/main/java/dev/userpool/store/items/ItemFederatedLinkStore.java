package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.FederatedLink;
import dev.userpool.protocol.Json;
import dev.userpool.store.FederatedLinkStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link FederatedLinkStore} over the item table: one item per linked identity under its pool
 * ({@code LINK#<escaped provider>#<subject>}), written only if absent so an identity can never
 * point at two users.
 */
public final class ItemFederatedLinkStore implements FederatedLinkStore {
  private final ItemTable table;

  public ItemFederatedLinkStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public boolean create(FederatedLink link) {
    ObjectNode o = Json.object();
    o.put("sub", link.sub());
    o.put("created", link.created().toEpochMilli());
    Item item =
        Item.of(
            Keys.poolPk(link.userPoolId()),
            Keys.federatedLinkSk(link.providerName(), link.subject()),
            Json.write(o));
    try {
      table.write(List.of(Write.put(item, Condition.ABSENT)));
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<FederatedLink> find(String poolId, String providerName, String subject) {
    return table
        .get(Keys.poolPk(poolId), Keys.federatedLinkSk(providerName, subject))
        .map(
            item -> {
              JsonNode o = Json.read(item.data());
              return new FederatedLink(
                  poolId,
                  providerName,
                  subject,
                  o.get("sub").asText(),
                  Instant.ofEpochMilli(o.get("created").asLong()));
            });
  }

  @Override
  public void delete(String poolId, String providerName, String subject) {
    table.write(
        List.of(
            Write.delete(
                Keys.poolPk(poolId), Keys.federatedLinkSk(providerName, subject), Condition.NONE)));
  }
}
