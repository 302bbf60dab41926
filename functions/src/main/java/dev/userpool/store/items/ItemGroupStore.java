package dev.userpool.store.items;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.Group;
import dev.userpool.domain.Page;
import dev.userpool.protocol.Json;
import dev.userpool.store.GroupStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.table.Condition;
import dev.userpool.store.table.ConditionFailedException;
import dev.userpool.store.table.Item;
import dev.userpool.store.table.ItemTable;
import dev.userpool.store.table.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link GroupStore} over the item table (keys in {@link Keys}). Adding a member rewrites the group
 * item with a version condition in the same batch as both membership items, so a membership can
 * only be written while its group exists unchanged; deleting a group first removes the group item
 * (from then on no membership can be added) and then its memberships page by page.
 */
public final class ItemGroupStore implements GroupStore {
  /** Cognito's limit of groups per user (sources §9.2); {@link #groupsOf} never needs more. */
  private static final int MAX_GROUPS_PER_USER = 100;

  private final ItemTable table;

  public ItemGroupStore(ItemTable table) {
    this.table = table;
  }

  @Override
  public boolean create(Group group) {
    try {
      table.write(List.of(Write.put(groupItem(group), Condition.ABSENT)));
      return true;
    } catch (ConditionFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<Group> find(String poolId, String name) {
    return table
        .get(Keys.poolPk(poolId), Keys.groupSk(name))
        .map(i -> Codec.group(i.data(), i.version()));
  }

  @Override
  public Group update(Group before, Group after) {
    try {
      table.write(
          List.of(
              Write.put(
                  groupItem(after).withVersion(before.version()),
                  Condition.versionIs(before.version()))));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
    return after.withVersion(before.version() + 1);
  }

  @Override
  public void delete(Group group) {
    String pk = Keys.poolPk(group.userPoolId());
    try {
      table.write(List.of(Write.delete(pk, Keys.groupSk(group.name()), Condition.EXISTS)));
    } catch (ConditionFailedException e) {
      return; // already gone; whoever deleted it removes the memberships
    }
    String prefix = Keys.memberPrefix(group.name());
    List<Item> members;
    while (!(members = table.query(pk, prefix, null, ItemTable.MAX_BATCH / 2)).isEmpty()) {
      List<Write> deletes = new ArrayList<>();
      for (Item member : members) {
        deletes.add(Write.delete(pk, member.sk(), Condition.NONE));
        deletes.add(Write.delete(pk, Keys.userGroupSk(sub(member), group.name()), Condition.NONE));
      }
      table.write(deletes);
    }
  }

  @Override
  public Page<Group> list(String poolId, int limit, String nextToken) {
    return page(
        poolId, Keys.GROUP_PREFIX, limit, nextToken, i -> Codec.group(i.data(), i.version()));
  }

  @Override
  public int count(String poolId, int atMost) {
    int count = 0;
    String after = null;
    List<Item> page;
    while (count < atMost
        && !(page =
                table.query(
                    Keys.poolPk(poolId), Keys.GROUP_PREFIX, after, Math.min(500, atMost - count)))
            .isEmpty()) {
      count += page.size();
      after = page.get(page.size() - 1).sk();
    }
    return count;
  }

  @Override
  public void addMember(Group group, String sub) {
    String pk = Keys.poolPk(group.userPoolId());
    String data = Json.write(Map.of("group", group.name(), "sub", sub));
    try {
      table.write(
          List.of(
              Write.put(
                  groupItem(group).withVersion(group.version()),
                  Condition.versionIs(group.version())),
              Write.put(Item.of(pk, Keys.memberSk(group.name(), sub), data), Condition.NONE),
              Write.put(Item.of(pk, Keys.userGroupSk(sub, group.name()), data), Condition.NONE)));
    } catch (ConditionFailedException e) {
      throw new StaleWriteException();
    }
  }

  @Override
  public void removeMember(String poolId, String groupName, String sub) {
    String pk = Keys.poolPk(poolId);
    table.write(
        List.of(
            Write.delete(pk, Keys.memberSk(groupName, sub), Condition.NONE),
            Write.delete(pk, Keys.userGroupSk(sub, groupName), Condition.NONE)));
  }

  @Override
  public Page<String> members(String poolId, String groupName, int limit, String nextToken) {
    return page(poolId, Keys.memberPrefix(groupName), limit, nextToken, ItemGroupStore::sub);
  }

  @Override
  public Page<String> groupNamesOf(String poolId, String sub, int limit, String nextToken) {
    return page(
        poolId,
        Keys.userGroupPrefix(sub),
        limit,
        nextToken,
        i -> Json.read(i.data()).get("group").asText());
  }

  @Override
  public List<Group> groupsOf(String poolId, String sub) {
    List<Group> groups = new ArrayList<>();
    for (String name : groupNamesOf(poolId, sub, MAX_GROUPS_PER_USER, null).items()) {
      find(poolId, name).ifPresent(groups::add);
    }
    groups.sort(Group.PRECEDENCE_ORDER);
    return groups;
  }

  /** Removes every membership of {@code sub}; called after the user itself is deleted. */
  static void removeMembershipsOf(ItemTable table, String poolId, String sub) {
    String pk = Keys.poolPk(poolId);
    List<Item> memberships;
    while (!(memberships =
            table.query(pk, Keys.userGroupPrefix(sub), null, ItemTable.MAX_BATCH / 2))
        .isEmpty()) {
      List<Write> deletes = new ArrayList<>();
      for (Item membership : memberships) {
        String group = Json.read(membership.data()).get("group").asText();
        deletes.add(Write.delete(pk, membership.sk(), Condition.NONE));
        deletes.add(Write.delete(pk, Keys.memberSk(group, sub), Condition.NONE));
      }
      table.write(deletes);
    }
  }

  private <T> Page<T> page(
      String poolId, String prefix, int limit, String nextToken, Function<Item, T> read) {
    List<Item> items =
        table.query(Keys.poolPk(poolId), prefix, Paging.sortKey(nextToken, prefix), limit + 1);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, items.size()); i++) {
      out.add(read.apply(items.get(i)));
    }
    String token = items.size() > limit ? Paging.token(items.get(limit - 1).sk()) : null;
    return new Page<>(out, token);
  }

  private static Item groupItem(Group group) {
    return Item.of(Keys.poolPk(group.userPoolId()), Keys.groupSk(group.name()), Codec.group(group));
  }

  private static String sub(Item membership) {
    JsonNode data = Json.read(membership.data());
    return data.get("sub").asText();
  }
}
