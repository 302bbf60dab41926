package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Device;
import dev.userpool.protocol.Json;
import dev.userpool.store.DeviceStore;
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
 * {@link DeviceStore} over the item table: one item per device under its pool, listed by its
 * owner's prefix ({@code DEVICE#<sub>#}, see {@link Keys}). Only the device's SRP salt and verifier
 * are stored, never a secret.
 */
public final class ItemDeviceStore implements DeviceStore {
  private static final int PAGE = 100;

  private final ItemTable table;

  public ItemDeviceStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(Device device) {
    table.write(
        List.of(
            Write.put(
                Item.of(
                    Keys.poolPk(device.poolId()),
                    Keys.deviceSk(device.sub(), device.deviceKey()),
                    encode(device)),
                Condition.ABSENT)));
  }

  @Override
  public Optional<Device> find(String poolId, String sub, String deviceKey) {
    return table
        .get(Keys.poolPk(poolId), Keys.deviceSk(sub, deviceKey))
        .map(i -> decode(poolId, sub, deviceKey, i));
  }

  @Override
  public List<Device> listOf(String poolId, String sub) {
    String prefix = Keys.devicePrefix(sub);
    List<Device> devices = new ArrayList<>();
    String after = null;
    List<Item> page;
    do {
      page = table.query(Keys.poolPk(poolId), prefix, after, PAGE);
      for (Item i : page) {
        devices.add(decode(poolId, sub, i.sk().substring(prefix.length()), i));
        after = i.sk();
      }
    } while (page.size() == PAGE);
    return devices;
  }

  @Override
  public Device update(Device before, Device after) {
    Item item =
        Item.of(
                Keys.poolPk(after.poolId()),
                Keys.deviceSk(after.sub(), after.deviceKey()),
                encode(after))
            .withVersion(before.version());
    try {
      table.write(List.of(Write.put(item, Condition.versionIs(before.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return new Device(
        after.poolId(),
        after.sub(),
        after.deviceKey(),
        after.deviceGroupKey(),
        after.saltHex(),
        after.verifierHex(),
        after.name(),
        after.rememberedStatus(),
        after.lastIp(),
        after.createdAt(),
        after.lastModifiedAt(),
        after.lastAuthenticatedAt(),
        before.version() + 1);
  }

  @Override
  public boolean delete(String poolId, String sub, String deviceKey) {
    try {
      table.write(
          List.of(
              Write.delete(Keys.poolPk(poolId), Keys.deviceSk(sub, deviceKey), Condition.EXISTS)));
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }

  private static String encode(Device d) {
    ObjectNode o = Json.object();
    o.put("groupKey", d.deviceGroupKey());
    putIfSet(o, "salt", d.saltHex());
    putIfSet(o, "verifier", d.verifierHex());
    putIfSet(o, "name", d.name());
    putIfSet(o, "status", d.rememberedStatus());
    putIfSet(o, "lastIp", d.lastIp());
    o.put("created", d.createdAt().toEpochMilli());
    o.put("modified", d.lastModifiedAt().toEpochMilli());
    if (d.lastAuthenticatedAt() != null) {
      o.put("authenticated", d.lastAuthenticatedAt().toEpochMilli());
    }
    return Json.write(o);
  }

  private static Device decode(String poolId, String sub, String deviceKey, Item item) {
    JsonNode o = Json.read(item.data());
    return new Device(
        poolId,
        sub,
        deviceKey,
        o.get("groupKey").asText(),
        text(o, "salt"),
        text(o, "verifier"),
        text(o, "name"),
        text(o, "status"),
        text(o, "lastIp"),
        Instant.ofEpochMilli(o.get("created").asLong()),
        Instant.ofEpochMilli(o.get("modified").asLong()),
        o.hasNonNull("authenticated")
            ? Instant.ofEpochMilli(o.get("authenticated").asLong())
            : null,
        item.version());
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
