package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.protocol.Json;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UniqueKeyTakenException;
import dev.userpool.store.UserGroupsSource;
import dev.userpool.store.UserStore;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link UserStore} over the item table. A user is one item keyed by sub; each unique key is one
 * more item that names the sub holding it. Every write puts the user and its key changes in one
 * conditional batch.
 *
 * <p>The username key also carries a copy of the user record and its version, rewritten in the same
 * batch as every change of the user (whose version condition guards both), so a lookup by username
 * is one read instead of two. Key items written before the copy existed still work: they lead to
 * the user item as before.
 */
public final class ItemUserStore implements UserStore {
  private static final String USER_PREFIX = "USER#";
  private static final String USER_COPY = "user";
  private static final String USER_COPY_VERSION = "userVersion";
  private final ItemTable table;
  private final DecodedItems<User> users =
      new DecodedItems<>(i -> Codec.user(i.data(), i.version()));
  private final DecodedItems<KeyClaim> claims = new DecodedItems<>(ItemUserStore::claim);

  /** What a unique key's item says: the sub holding it, and for usernames a copy of the user. */
  private record KeyClaim(String sub, User copy) {}

  public ItemUserStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public User create(User newUser, Set<UniqueKey> keys) {
    Map<String, Object> extensions = new LinkedHashMap<>(newUser.extensions());
    extensions.put(UserGroupsSource.IN_NO_GROUP, true);
    User user = newUser.withExtensions(extensions, newUser.lastModifiedDate());
    List<Write> writes = new ArrayList<>();
    List<UniqueKey> keyOrder = new ArrayList<>(keys);
    writes.add(
        Write.put(
            Item.of(Keys.poolPk(user.userPoolId()), Keys.userSk(user.sub()), Codec.user(user)),
            Condition.ABSENT));
    for (UniqueKey key : keyOrder) {
      writes.add(Write.put(keyItem(user, key, 1), Condition.ABSENT));
    }
    apply(writes, keyOrder, 1);
    return withVersion(user, 1);
  }

  @Override
  public Optional<User> findBySub(String poolId, String sub) {
    return table.get(Keys.poolPk(poolId), Keys.userSk(sub)).map(users::of);
  }

  @Override
  public Optional<User> findByKey(String poolId, UniqueKey key) {
    return table
        .get(Keys.poolPk(poolId), Keys.uniqueKeySk(key))
        .flatMap(
            item -> {
              KeyClaim claim = claims.of(item);
              return claim.copy() != null
                  ? Optional.of(claim.copy())
                  : findBySub(poolId, claim.sub());
            });
  }

  private static KeyClaim claim(Item item) {
    JsonNode data = Json.read(item.data());
    User copy =
        data.hasNonNull(USER_COPY)
            ? Codec.user(data.get(USER_COPY), data.get(USER_COPY_VERSION).asLong())
            : null;
    return new KeyClaim(data.get("sub").asText(), copy);
  }

  /** How many user and key items were decoded rather than found decoded (a counting test's). */
  long decodes() {
    return users.decodes() + claims.decodes();
  }

  @Override
  public User update(User before, Set<UniqueKey> keysBefore, User after, Set<UniqueKey> keysAfter) {
    List<Write> writes = updateWrites(before, keysBefore, after, keysAfter);
    List<UniqueKey> added = new ArrayList<>();
    for (UniqueKey key : keysAfter) {
      if (!keysBefore.contains(key)) {
        added.add(key);
      }
    }
    apply(writes, added, 1);
    return withVersion(after, before.version() + 1);
  }

  /**
   * The batch that replaces {@code before} by {@code after}: the user (conditional on its version),
   * then the added keys (conditional on being free) in {@code keysAfter} order, then the username
   * key's copy, then the removed keys. Other stores append it to their own writes (a code and its
   * send count).
   */
  static List<Write> updateWrites(
      User before, Set<UniqueKey> keysBefore, User after, Set<UniqueKey> keysAfter) {
    List<Write> writes = new ArrayList<>();
    writes.add(
        Write.put(
            new Item(
                Keys.poolPk(after.userPoolId()),
                Keys.userSk(after.sub()),
                before.version(),
                null,
                Codec.user(after)),
            Condition.versionIs(before.version())));
    long newVersion = before.version() + 1;
    for (UniqueKey key : keysAfter) {
      if (!keysBefore.contains(key)) {
        writes.add(Write.put(keyItem(after, key, newVersion), Condition.ABSENT));
      }
    }
    for (UniqueKey key : keysAfter) {
      if (keysBefore.contains(key) && key.kind() == UniqueKey.Kind.USERNAME) {
        // the copy follows the user; the user's version condition above guards this write too
        writes.add(Write.put(keyItem(after, key, newVersion), Condition.NONE));
      }
    }
    Set<UniqueKey> removed = new HashSet<>(keysBefore);
    removed.removeAll(keysAfter);
    for (UniqueKey key : removed) {
      writes.add(
          Write.delete(Keys.poolPk(before.userPoolId()), Keys.uniqueKeySk(key), Condition.NONE));
    }
    return writes;
  }

  private static User withVersion(User u, long version) {
    return new User(
        u.userPoolId(),
        u.username(),
        u.sub(),
        u.attributes(),
        u.enabled(),
        u.status(),
        u.creationDate(),
        u.lastModifiedDate(),
        u.password(),
        u.extensions(),
        version);
  }

  @Override
  public void delete(User user, Set<UniqueKey> keys) {
    List<Write> writes = new ArrayList<>();
    writes.add(
        Write.delete(
            Keys.poolPk(user.userPoolId()),
            Keys.userSk(user.sub()),
            Condition.versionIs(user.version())));
    for (UniqueKey key : keys) {
      writes.add(
          Write.delete(Keys.poolPk(user.userPoolId()), Keys.uniqueKeySk(key), Condition.NONE));
    }
    try {
      table.write(writes);
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    ItemGroupStore.removeMembershipsOf(table, user.userPoolId(), user.sub());
  }

  @Override
  public Page<User> list(String poolId, int limit, String nextToken) {
    List<Item> items =
        table.query(
            Keys.poolPk(poolId), USER_PREFIX, Paging.sortKey(nextToken, USER_PREFIX), limit + 1);
    List<User> page = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      page.add(this.users.of(items.get(i)));
    }
    String token = items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null;
    return new Page<>(page, token);
  }

  @Override
  public long count(String poolId) {
    long count = 0;
    String after = null;
    List<Item> page;
    while (!(page = table.query(Keys.poolPk(poolId), USER_PREFIX, after, 500)).isEmpty()) {
      count += page.size();
      after = page.get(page.size() - 1).sk();
    }
    return count;
  }

  /**
   * A key item naming the sub; the username key also carries the user record as of {@code
   * userVersion}.
   */
  private static Item keyItem(User user, UniqueKey key, long userVersion) {
    if (key.kind() != UniqueKey.Kind.USERNAME) {
      return Item.of(
          Keys.poolPk(user.userPoolId()),
          Keys.uniqueKeySk(key),
          Json.write(Map.of("sub", user.sub())));
    }
    ObjectNode data = Json.object();
    data.put("sub", user.sub());
    data.set(USER_COPY, Codec.userNode(user));
    data.put(USER_COPY_VERSION, userVersion);
    return Item.of(Keys.poolPk(user.userPoolId()), Keys.uniqueKeySk(key), Json.write(data));
  }

  /**
   * Writes the batch; a failed condition at index 0 is a stale user, at index i >= firstKey a taken
   * key.
   */
  private void apply(List<Write> writes, List<UniqueKey> keys, int firstKey) {
    try {
      table.write(writes);
    } catch (ConditionFailedException e) {
      int keyIndex = e.index() - firstKey;
      if (keyIndex >= 0 && keyIndex < keys.size()) {
        throw new UniqueKeyTakenException(keys.get(keyIndex));
      }
      throw new StaleWriteException();
    }
  }
}
