package dev.userpool.store.items;

import dev.userpool.protocol.Json;
import dev.userpool.store.DeploymentKeyStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link DeploymentKeyStore} over the item table: {@code DEPLOYMENT / KEY#<name>}, written only if
 * absent.
 */
public final class ItemDeploymentKeyStore implements DeploymentKeyStore {
  /** The partition of all deployment keys (kept by a local reset). */
  public static final String PARTITION = Keys.DEPLOYMENT;

  private final ItemTable table;

  public ItemDeploymentKeyStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public byte[] getOrCreate(String name, Supplier<byte[]> fresh) {
    Optional<byte[]> existing = read(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] key = fresh.get();
    String data = Json.write(Map.of("key", Base64.getEncoder().encodeToString(key)));
    try {
      table.write(
          List.of(
              Write.put(
                  Item.of(Keys.DEPLOYMENT, Keys.deploymentKeySk(name), data), Condition.ABSENT)));
      return key;
    } catch (ConditionFailedException e) {
      return read(name)
          .orElseThrow(() -> new IllegalStateException("deployment key vanished: " + name));
    }
  }

  private Optional<byte[]> read(String name) {
    return table
        .get(Keys.DEPLOYMENT, Keys.deploymentKeySk(name))
        .map(i -> Base64.getDecoder().decode(Json.read(i.data()).get("key").asText()));
  }
}
