package dev.userpool.store.items;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.store.ReadCache;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.util.List;
import java.util.Optional;

/**
 * The item table seen by every store of a process that caches pools and app clients: any write of a
 * pool item or an app client item — whichever store makes it (a domain's transaction rewrites its
 * pool, too) — drops that entry from the cache before and after the write, so this process never
 * serves a record it has just changed.
 */
public final class CacheInvalidatingTable implements ItemTable {
  private static final String CLIENT_PREFIX = "CLIENT#";

  private final ItemTable table;
  private final ReadCache<String, UserPool> pools;
  private final ReadCache<String, AppClient> clients;

  public CacheInvalidatingTable(
      ItemTable table, ReadCache<String, UserPool> pools, ReadCache<String, AppClient> clients) {
    this.table = table;
    this.pools = pools;
    this.clients = clients;
  }

  @Override
  public Optional<Item> get(String pk, String sk) {
    return table.get(pk, sk);
  }

  @Override
  public List<Item> query(String pk, String skPrefix, String exclusiveStartSk, int limit) {
    return table.query(pk, skPrefix, exclusiveStartSk, limit);
  }

  @Override
  public void write(List<Write> writes) {
    forget(writes);
    try {
      table.write(writes);
    } finally {
      forget(writes);
    }
  }

  @Override
  public void clearExcept(String keptPk) {
    table.clearExcept(keptPk);
    pools.forgetAll();
    clients.forgetAll();
  }

  private void forget(List<Write> writes) {
    for (Write write : writes) {
      String pk = write instanceof Write.Put put ? put.item().pk() : ((Write.Delete) write).pk();
      String sk = write instanceof Write.Put put ? put.item().sk() : ((Write.Delete) write).sk();
      if (pk.equals(Keys.POOLS) && sk.startsWith("POOL#")) {
        pools.forget(sk.substring("POOL#".length()));
      } else if (sk.startsWith(CLIENT_PREFIX)) {
        clients.forget(sk.substring(CLIENT_PREFIX.length()));
      } else if (pk.startsWith(CLIENT_PREFIX)) {
        clients.forget(pk.substring(CLIENT_PREFIX.length()));
      }
    }
  }
}
