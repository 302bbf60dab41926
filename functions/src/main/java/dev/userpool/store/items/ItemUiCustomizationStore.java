package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UiCustomization;
import dev.userpool.protocol.Json;
import dev.userpool.store.UiCustomizationStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@link UiCustomizationStore} over the item table: one {@code UI#<clientId>} item per
 * customization. The image is kept base64 in the item (Cognito's 100 KB limit keeps it well under
 * DynamoDB's 400 KB item size).
 */
public final class ItemUiCustomizationStore implements UiCustomizationStore {
  private final ItemTable table;

  public ItemUiCustomizationStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void put(UiCustomization c) {
    ObjectNode o = Json.object();
    o.put("clientId", c.clientId());
    if (c.css() != null) {
      o.put("css", c.css());
    }
    if (c.image() != null) {
      o.put("image", Base64.getEncoder().encodeToString(c.image()));
    }
    o.put("created", c.creationDate().toEpochMilli());
    o.put("modified", c.lastModifiedDate().toEpochMilli());
    // Last writer wins, as for Cognito's SetUICustomization, which replaces the whole
    // customization.
    table.write(
        List.of(
            Write.put(
                Item.of(
                    Keys.poolPk(c.userPoolId()),
                    Keys.uiCustomizationSk(c.clientId()),
                    Json.write(o)),
                Condition.NONE)));
  }

  @Override
  public Optional<UiCustomization> find(String poolId, String clientId) {
    return table
        .get(Keys.poolPk(poolId), Keys.uiCustomizationSk(clientId))
        .map(
            i -> {
              JsonNode o = Json.read(i.data());
              return new UiCustomization(
                  poolId,
                  o.get("clientId").asText(),
                  o.has("css") ? o.get("css").asText() : null,
                  o.has("image") ? Base64.getDecoder().decode(o.get("image").asText()) : null,
                  Instant.ofEpochMilli(o.get("created").asLong()),
                  Instant.ofEpochMilli(o.get("modified").asLong()));
            });
  }

  @Override
  public void delete(String poolId, String clientId) {
    table.write(
        List.of(
            Write.delete(Keys.poolPk(poolId), Keys.uiCustomizationSk(clientId), Condition.NONE)));
  }
}
