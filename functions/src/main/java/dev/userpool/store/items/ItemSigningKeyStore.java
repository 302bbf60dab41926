package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.SigningKey;
import dev.userpool.protocol.Json;
import dev.userpool.store.SigningKeyFactory;
import dev.userpool.store.SigningKeyStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link SigningKeyStore} over the item table. A key is one item under its pool's partition whose
 * sort key holds the inverted generation, so a plain ascending query returns the active key first;
 * a new generation is written only if absent, which is what makes concurrent create/rotate safe.
 */
public final class ItemSigningKeyStore implements SigningKeyStore {
  private static final int MAX_ATTEMPTS = 5;

  private final ItemTable table;
  private final Clock clock;
  private final SigningKeyFactory factory;

  public ItemSigningKeyStore(ItemTable table, Clock clock, SigningKeyFactory factory) {
    this.table = table;
    this.clock = clock;
    this.factory = factory;
  }

  @Override
  public List<SigningKey> keysFor(String poolId) {
    String pk = Keys.poolPk(poolId);
    List<SigningKey> keys = new ArrayList<>();
    String after = null;
    List<Item> page;
    do {
      page = table.query(pk, Keys.SIGNING_KEY_PREFIX, after, ItemTable.MAX_BATCH);
      for (Item item : page) {
        keys.add(decode(poolId, item.data()));
        after = item.sk();
      }
    } while (page.size() == ItemTable.MAX_BATCH);
    return keys;
  }

  @Override
  public SigningKey create(String poolId) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<SigningKey> active = active(poolId);
      if (active.isPresent()) {
        return active.get();
      }
      Optional<SigningKey> added = tryAdd(poolId, 1);
      if (added.isPresent()) {
        return added.get();
      }
    }
    throw new StaleWriteException();
  }

  @Override
  public SigningKey rotate(String poolId) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long next = active(poolId).map(k -> k.generation() + 1).orElse(1L);
      Optional<SigningKey> added = tryAdd(poolId, next);
      if (added.isPresent()) {
        return added.get();
      }
    }
    throw new StaleWriteException();
  }

  @Override
  public void deleteAll(String poolId) {
    String pk = Keys.poolPk(poolId);
    List<Item> page;
    while (!(page = table.query(pk, Keys.SIGNING_KEY_PREFIX, null, ItemTable.MAX_BATCH))
        .isEmpty()) {
      table.write(page.stream().map(i -> Write.delete(i.pk(), i.sk(), Condition.NONE)).toList());
    }
  }

  private Optional<SigningKey> active(String poolId) {
    return table.query(Keys.poolPk(poolId), Keys.SIGNING_KEY_PREFIX, null, 1).stream()
        .findFirst()
        .map(i -> decode(poolId, i.data()));
  }

  /** Writes a new key of this generation unless another writer got there first (then empty). */
  private Optional<SigningKey> tryAdd(String poolId, long generation) {
    SigningKey key = factory.newKey(poolId, generation, Instant.ofEpochMilli(clock.millis()));
    Item item = Item.of(Keys.poolPk(poolId), Keys.signingKeySk(generation), encode(key));
    try {
      table.write(List.of(Write.put(item, Condition.ABSENT)));
      return Optional.of(key);
    } catch (ConditionFailedException e) {
      return Optional.empty();
    }
  }

  private static String encode(SigningKey key) {
    ObjectNode o = Json.object();
    o.put("kid", key.kid());
    o.put("generation", key.generation());
    o.put("created", key.createdAt().toEpochMilli());
    o.put("n", key.modulus());
    o.put("e", key.exponent());
    o.put("privateKey", key.privateKeyPkcs8());
    return Json.write(o);
  }

  private static SigningKey decode(String poolId, String data) {
    JsonNode o = Json.read(data);
    return new SigningKey(
        poolId,
        o.get("kid").asText(),
        o.get("generation").asLong(),
        Instant.ofEpochMilli(o.get("created").asLong()),
        o.get("n").asText(),
        o.get("e").asText(),
        o.get("privateKey").asText());
  }
}
