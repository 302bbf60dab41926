package dev.userpool.store.items;

import dev.userpool.domain.Page;
import dev.userpool.domain.UserPool;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UserPoolStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link UserPoolStore} over the item table. */
public final class ItemUserPoolStore implements UserPoolStore {
  private final ItemTable table;

  public ItemUserPoolStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public void create(UserPool pool) {
    try {
      table.write(
          List.of(
              Write.put(
                  Item.of(Keys.POOLS, Keys.poolSk(pool.id()), Codec.pool(pool)),
                  Condition.ABSENT)));
    } catch (ConditionFailedException e) {
      throw new IllegalStateException("pool id collision: " + pool.id());
    }
  }

  @Override
  public Optional<UserPool> find(String poolId) {
    return table.get(Keys.POOLS, Keys.poolSk(poolId)).map(i -> Codec.pool(i.data(), i.version()));
  }

  @Override
  public UserPool update(UserPool pool) {
    Item item =
        new Item(Keys.POOLS, Keys.poolSk(pool.id()), pool.version(), null, Codec.pool(pool));
    try {
      table.write(List.of(Write.put(item, Condition.versionIs(pool.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return new UserPool(
        pool.id(),
        pool.name(),
        pool.arn(),
        pool.creationDate(),
        pool.lastModifiedDate(),
        pool.settings(),
        pool.tags(),
        pool.version() + 1);
  }

  @Override
  public void delete(UserPool pool) {
    try {
      table.write(List.of(Write.delete(Keys.POOLS, Keys.poolSk(pool.id()), Condition.EXISTS)));
    } catch (ConditionFailedException e) {
      return; // already gone: deleting twice must not fail halfway through the clean-up below
    }
    // The pool is invisible from here on; its domains are released, then its children removed page
    // by page.
    for (String member : List.of("Domain", "CustomDomain")) {
      if (pool.settings().get(member) instanceof String domain) {
        table.write(List.of(Write.delete(Keys.domainPk(domain), Keys.DOMAIN_SK, Condition.NONE)));
      }
    }
    String pk = Keys.poolPk(pool.id());
    List<Item> children;
    while (!(children = table.query(pk, "", null, ItemTable.MAX_BATCH / 2)).isEmpty()) {
      List<Write> deletes = new ArrayList<>();
      for (Item child : children) {
        deletes.add(Write.delete(child.pk(), child.sk(), Condition.NONE));
        if (child.sk().startsWith("CLIENT#")) {
          deletes.add(
              Write.delete(
                  Keys.clientPointerPk(child.sk().substring(7)),
                  Keys.CLIENT_POINTER_SK,
                  Condition.NONE));
        }
      }
      table.write(deletes);
    }
  }

  @Override
  public Page<UserPool> list(String region, int limit, String nextToken) {
    String prefix = Keys.poolSk(region == null ? "" : region + "_");
    List<Item> items =
        table.query(Keys.POOLS, prefix, Paging.sortKey(nextToken, prefix), limit + 1);
    List<UserPool> pools = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      pools.add(Codec.pool(items.get(i).data(), items.get(i).version()));
    }
    String token = items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null;
    return new Page<>(pools, token);
  }
}
