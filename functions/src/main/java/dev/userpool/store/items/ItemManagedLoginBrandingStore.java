package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.ManagedLoginBranding;
import dev.userpool.protocol.Json;
import dev.userpool.store.ClientSlotTakenException;
import dev.userpool.store.ManagedLoginBrandingStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ManagedLoginBrandingStore} over the item table: the style under its pool and, in the same
 * batch, the client's pointer to it — written only if absent, so a client has at most one style.
 */
public final class ItemManagedLoginBrandingStore implements ManagedLoginBrandingStore {
  private final ItemTable table;

  public ItemManagedLoginBrandingStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(ManagedLoginBranding b) {
    String pk = Keys.poolPk(b.poolId());
    try {
      table.write(
          List.of(
              Write.put(
                  Item.of(
                      pk,
                      Keys.brandingClientSk(b.clientId()),
                      Json.write(Map.of("id", b.brandingId()))),
                  Condition.ABSENT),
              Write.put(
                  Item.of(pk, Keys.brandingSk(b.brandingId()), encode(b)), Condition.ABSENT)));
    } catch (ConditionFailedException e) {
      throw new ClientSlotTakenException();
    }
  }

  @Override
  public Optional<ManagedLoginBranding> find(String poolId, String brandingId) {
    return table
        .get(Keys.poolPk(poolId), Keys.brandingSk(brandingId))
        .map(i -> decode(i.data(), i.version()));
  }

  @Override
  public Optional<ManagedLoginBranding> findByClient(String poolId, String clientId) {
    return table
        .get(Keys.poolPk(poolId), Keys.brandingClientSk(clientId))
        .flatMap(pointer -> find(poolId, Json.read(pointer.data()).get("id").asText()));
  }

  @Override
  public ManagedLoginBranding update(ManagedLoginBranding b) {
    Item item =
        new Item(
            Keys.poolPk(b.poolId()), Keys.brandingSk(b.brandingId()), b.version(), null, encode(b));
    try {
      table.write(List.of(Write.put(item, Condition.versionIs(b.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return new ManagedLoginBranding(
        b.poolId(),
        b.brandingId(),
        b.clientId(),
        b.useCognitoProvidedValues(),
        b.settings(),
        b.assets(),
        b.creationDate(),
        b.lastModifiedDate(),
        b.version() + 1);
  }

  @Override
  public void delete(ManagedLoginBranding b) {
    String pk = Keys.poolPk(b.poolId());
    table.write(
        List.of(
            Write.delete(pk, Keys.brandingSk(b.brandingId()), Condition.NONE),
            Write.delete(pk, Keys.brandingClientSk(b.clientId()), Condition.NONE)));
  }

  private static String encode(ManagedLoginBranding b) {
    ObjectNode o = Json.object();
    o.put("poolId", b.poolId());
    o.put("id", b.brandingId());
    o.put("clientId", b.clientId());
    o.put("cognitoValues", b.useCognitoProvidedValues());
    if (b.settings() != null) {
      o.set("settings", Json.tree(b.settings()));
    }
    o.set("assets", Json.tree(b.assets()));
    o.put("created", b.creationDate().toEpochMilli());
    o.put("modified", b.lastModifiedDate().toEpochMilli());
    return Json.write(o);
  }

  private static ManagedLoginBranding decode(String data, long version) {
    JsonNode o = Json.read(data);
    List<Map<String, Object>> assets = new ArrayList<>();
    o.get("assets").forEach(a -> assets.add(Json.toMap(a)));
    Object settings =
        o.hasNonNull("settings")
            ? Json.mapper().convertValue(o.get("settings"), Object.class)
            : null;
    return new ManagedLoginBranding(
        o.get("poolId").asText(),
        o.get("id").asText(),
        o.get("clientId").asText(),
        o.get("cognitoValues").asBoolean(),
        settings,
        assets,
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("modified").asLong()),
        version);
  }
}
