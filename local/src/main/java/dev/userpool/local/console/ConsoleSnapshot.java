package dev.userpool.local.console;

import dev.userpool.delivery.Outbox;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.Group;
import dev.userpool.domain.Page;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Dependencies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the console shows, read at one moment through the stores and the outbox: every pool (of
 * every region) with its clients, users (with the groups each belongs to) and groups, and the
 * outbox newest first (with how many messages it kept and received since the last clear). Each list
 * is capped so that a pool with a million users still renders quickly; the page says when it shows
 * only the first ones.
 */
record ConsoleSnapshot(
    Instant takenAt,
    List<PoolEntry> pools,
    boolean morePools,
    List<OutgoingMessage> messages,
    int keptMessages,
    long receivedMessages) {
  static final int MAX_POOLS = 100;
  static final int MAX_CLIENTS = 60;
  static final int MAX_USERS = 100;
  static final int MAX_GROUPS = 60;
  static final int MAX_GROUPS_PER_USER = 25;
  static final int MAX_MESSAGES = 200;

  /**
   * One pool with its first clients, users and groups; {@code userCount} is the pool's whole count.
   */
  record PoolEntry(
      UserPool pool,
      List<AppClient> clients,
      List<UserEntry> users,
      long userCount,
      List<Group> groups,
      boolean moreClients,
      boolean moreGroups) {}

  record UserEntry(User user, List<String> groupNames) {}

  static ConsoleSnapshot read(Dependencies stores, Outbox outbox) {
    Page<UserPool> pools = stores.pools().list(null, MAX_POOLS, null);
    List<PoolEntry> entries = new ArrayList<>();
    for (UserPool pool : pools.items()) {
      entries.add(poolEntry(stores, pool));
    }
    Outbox.Contents outboxContents = outbox.contents();
    List<OutgoingMessage> kept = outboxContents.messages();
    List<OutgoingMessage> newestFirst =
        new ArrayList<>(kept.subList(Math.max(0, kept.size() - MAX_MESSAGES), kept.size()));
    Collections.reverse(newestFirst);
    return new ConsoleSnapshot(
        stores.clock().instant(),
        entries,
        pools.nextToken() != null,
        newestFirst,
        kept.size(),
        outboxContents.received());
  }

  private static PoolEntry poolEntry(Dependencies stores, UserPool pool) {
    String poolId = pool.id();
    Page<AppClient> clients = stores.clients().list(poolId, MAX_CLIENTS, null);
    Page<Group> groups = stores.groups().list(poolId, MAX_GROUPS, null);
    List<UserEntry> users = new ArrayList<>();
    for (User user : stores.users().list(poolId, MAX_USERS, null).items()) {
      users.add(
          new UserEntry(
              user,
              stores.groups().groupNamesOf(poolId, user.sub(), MAX_GROUPS_PER_USER, null).items()));
    }
    return new PoolEntry(
        pool,
        clients.items(),
        users,
        stores.users().count(poolId),
        groups.items(),
        clients.nextToken() != null,
        groups.nextToken() != null);
  }
}
