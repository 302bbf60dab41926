package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.PoolDomain;
import dev.userpool.domain.UserPool;
import dev.userpool.protocol.Json;
import dev.userpool.store.DomainStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link DomainStore} over the item table: one item per domain in its own partition ({@code
 * DOMAIN#<domain>}), so an absent-condition put makes a name unique across the deployment, written
 * in the same batch as the pool item.
 */
public final class ItemDomainStore implements DomainStore {
  private final ItemTable table;

  public ItemDomainStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public Optional<PoolDomain> find(String domain) {
    return table.get(Keys.domainPk(domain), Keys.DOMAIN_SK).map(i -> decode(domain, i));
  }

  @Override
  public boolean create(PoolDomain domain, UserPool poolBefore, UserPool poolAfter) {
    try {
      table.write(
          List.of(Write.put(item(domain), Condition.ABSENT), poolWrite(poolBefore, poolAfter)));
      return true;
    } catch (ConditionFailedException e) {
      if (find(domain.domain()).isPresent()) {
        return false;
      }
      throw new StaleWriteException();
    }
  }

  @Override
  public PoolDomain update(PoolDomain before, PoolDomain after) {
    try {
      table.write(
          List.of(
              Write.put(
                  item(after).withVersion(before.version()),
                  Condition.versionIs(before.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return new PoolDomain(
        after.domain(),
        after.userPoolId(),
        after.certificateArn(),
        after.managedLoginVersion(),
        after.creationDate(),
        before.version() + 1);
  }

  @Override
  public void delete(PoolDomain domain, UserPool poolBefore, UserPool poolAfter) {
    try {
      table.write(
          List.of(
              Write.delete(
                  Keys.domainPk(domain.domain()),
                  Keys.DOMAIN_SK,
                  Condition.versionIs(domain.version())),
              poolWrite(poolBefore, poolAfter)));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
  }

  private static Write poolWrite(UserPool before, UserPool after) {
    Item pool =
        new Item(Keys.POOLS, Keys.poolSk(after.id()), before.version(), null, Codec.pool(after));
    return Write.put(pool, Condition.versionIs(before.version()));
  }

  private static Item item(PoolDomain d) {
    ObjectNode o = Json.object();
    o.put("poolId", d.userPoolId());
    if (d.certificateArn() != null) {
      o.put("certificateArn", d.certificateArn());
    }
    if (d.managedLoginVersion() != null) {
      o.put("managedLoginVersion", d.managedLoginVersion());
    }
    o.put("created", d.creationDate().toEpochMilli());
    return Item.of(Keys.domainPk(d.domain()), Keys.DOMAIN_SK, Json.write(o));
  }

  private static PoolDomain decode(String domain, Item i) {
    JsonNode o = Json.read(i.data());
    return new PoolDomain(
        domain,
        o.get("poolId").asText(),
        o.hasNonNull("certificateArn") ? o.get("certificateArn").asText() : null,
        o.hasNonNull("managedLoginVersion") ? o.get("managedLoginVersion").asInt() : null,
        Instant.ofEpochMilli(o.get("created").asLong()),
        i.version());
  }
}
