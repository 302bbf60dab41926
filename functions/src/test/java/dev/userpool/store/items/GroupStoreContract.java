package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.Group;
import dev.userpool.domain.Page;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.errors.CognitoException;
import dev.userpool.store.GroupStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UserPoolStore;
import dev.userpool.store.UserStore;
import dev.userpool.store.table.ItemTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link GroupStore}, run against every item-table backend. */
public abstract class GroupStoreContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");
  private static final String POOL = "us-east-1_GRP";

  protected abstract ItemTable newTable();

  private GroupStore groups;
  private UserStore users;
  private UserPoolStore pools;

  @BeforeEach
  void stores() {
    ItemTable table = newTable();
    groups = new ItemGroupStore(table);
    users = new ItemUserStore(table);
    pools = new ItemUserPoolStore(table);
  }

  static Group group(String name, Integer precedence, String roleArn) {
    return new Group(POOL, name, "about " + name, roleArn, precedence, T0, T0, 0);
  }

  @Test
  void whenGroupIsCreatedThenItReadsBackWithEveryMember() {
    assertTrue(groups.create(group("admins", 3, "arn:aws:iam::123456789012:role/admin")));

    Group read = groups.find(POOL, "admins").orElseThrow();
    assertEquals("about admins", read.description());
    assertEquals("arn:aws:iam::123456789012:role/admin", read.roleArn());
    assertEquals(3, read.precedence());
    assertEquals(T0, read.creationDate());
    assertTrue(groups.find(POOL, "Admins").isEmpty());
    assertTrue(groups.find("us-east-1_OTHER", "admins").isEmpty());
  }

  @Test
  void whenOptionalMembersAreAbsentThenTheyReadBackAsNull() {
    groups.create(new Group(POOL, "plain", null, null, null, T0, T0, 0));

    Group read = groups.find(POOL, "plain").orElseThrow();
    assertNull(read.description());
    assertNull(read.roleArn());
    assertNull(read.precedence());
  }

  @Test
  void whenNameIsTakenThenCreateReturnsFalseAndKeepsTheFirst() {
    groups.create(group("admins", 1, null));

    assertFalse(groups.create(group("admins", 9, null)));
    assertEquals(1, groups.find(POOL, "admins").orElseThrow().precedence());
  }

  @Test
  void whenUpdatedFromAStaleReadThenStaleWriteException() {
    groups.create(group("admins", 1, null));
    Group read = groups.find(POOL, "admins").orElseThrow();
    groups.update(read, group("admins", 2, null));

    assertThrows(StaleWriteException.class, () -> groups.update(read, group("admins", 5, null)));
    assertEquals(2, groups.find(POOL, "admins").orElseThrow().precedence());
  }

  @Test
  void whenGroupsArePagedThenEveryGroupAppearsOnceInNameOrder() {
    for (String name : List.of("c", "a", "e", "b", "d")) {
      groups.create(group(name, null, null));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      Page<Group> page = groups.list(POOL, 2, token);
      page.items().forEach(g -> seen.add(g.name()));
      token = page.nextToken();
    } while (token != null);

    assertEquals(List.of("a", "b", "c", "d", "e"), seen);
    assertEquals(5, groups.count(POOL, 100));
    assertEquals(3, groups.count(POOL, 3));
  }

  @Test
  void whenTokenIsNotOursThenInvalidParameter() {
    assertThrows(CognitoException.class, () -> groups.list(POOL, 2, "bm90LWEta2V5"));
  }

  @Test
  void whenMemberIsAddedThenBothDirectionsListIt() {
    groups.create(group("admins", null, null));
    groups.create(group("staff", null, null));

    groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-1");
    groups.addMember(groups.find(POOL, "staff").orElseThrow(), "sub-1");
    groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-2");

    assertEquals(List.of("sub-1", "sub-2"), groups.members(POOL, "admins", 10, null).items());
    assertEquals(List.of("admins", "staff"), groups.groupNamesOf(POOL, "sub-1", 10, null).items());
  }

  @Test
  void whenMemberIsAddedTwiceThenItIsListedOnce() {
    groups.create(group("admins", null, null));
    groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-1");

    groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-1");

    assertEquals(List.of("sub-1"), groups.members(POOL, "admins", 10, null).items());
  }

  @Test
  void whenGroupChangedSinceReadThenAddMemberIsStaleAndWritesNothing() {
    groups.create(group("admins", null, null));
    Group read = groups.find(POOL, "admins").orElseThrow();
    groups.delete(read);

    assertThrows(StaleWriteException.class, () -> groups.addMember(read, "sub-1"));
    assertTrue(groups.groupNamesOf(POOL, "sub-1", 10, null).items().isEmpty());
  }

  @Test
  void whenGroupNamesShareAPrefixWithHashThenMembersStaySeparate() {
    groups.create(group("a", null, null));
    groups.create(group("a#b", null, null));
    groups.addMember(groups.find(POOL, "a").orElseThrow(), "sub-1");
    groups.addMember(groups.find(POOL, "a#b").orElseThrow(), "sub-2");

    assertEquals(List.of("sub-1"), groups.members(POOL, "a", 10, null).items());
    assertEquals(List.of("sub-2"), groups.members(POOL, "a#b", 10, null).items());
  }

  @Test
  void whenMembersArePagedThenEveryMemberAppearsOnce() {
    groups.create(group("admins", null, null));
    for (int i = 0; i < 5; i++) {
      groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-" + i);
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      Page<String> page = groups.members(POOL, "admins", 2, token);
      seen.addAll(page.items());
      token = page.nextToken();
    } while (token != null);

    assertEquals(List.of("sub-0", "sub-1", "sub-2", "sub-3", "sub-4"), seen);
  }

  @Test
  void whenMemberIsRemovedThenNeitherDirectionListsIt() {
    groups.create(group("admins", null, null));
    groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-1");

    groups.removeMember(POOL, "admins", "sub-1");
    groups.removeMember(POOL, "admins", "sub-1");

    assertTrue(groups.members(POOL, "admins", 10, null).items().isEmpty());
    assertTrue(groups.groupNamesOf(POOL, "sub-1", 10, null).items().isEmpty());
  }

  @Test
  void whenGroupIsDeletedThenItsMembershipsGoAndARecreatedGroupIsEmpty() {
    groups.create(group("admins", null, null));
    groups.create(group("staff", null, null));
    for (int i = 0; i < 60; i++) { // more than one clean-up page
      groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-" + i);
    }
    groups.addMember(groups.find(POOL, "staff").orElseThrow(), "sub-1");

    groups.delete(groups.find(POOL, "admins").orElseThrow());
    groups.delete(group("admins", null, null)); // twice is harmless

    assertTrue(groups.find(POOL, "admins").isEmpty());
    assertEquals(List.of("staff"), groups.groupNamesOf(POOL, "sub-1", 10, null).items());
    groups.create(group("admins", null, null));
    assertTrue(groups.members(POOL, "admins", 100, null).items().isEmpty());
  }

  @Test
  void whenUserIsDeletedThenItsMembershipsGo() {
    User user = DomainStoresContract.user(POOL, "sub-9", "alice", Map.of());
    Set<UniqueKey> keys = Set.of(DomainStoresContract.username("alice"));
    users.create(user, keys);
    groups.create(group("admins", null, null));
    groups.create(group("staff", null, null));
    groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-9");
    groups.addMember(groups.find(POOL, "staff").orElseThrow(), "sub-9");

    users.delete(users.findBySub(POOL, "sub-9").orElseThrow(), keys);

    assertTrue(groups.members(POOL, "admins", 10, null).items().isEmpty());
    assertTrue(groups.members(POOL, "staff", 10, null).items().isEmpty());
    assertTrue(groups.groupNamesOf(POOL, "sub-9", 10, null).items().isEmpty());
  }

  @Test
  void whenPoolIsDeletedThenItsGroupsAndMembershipsGo() {
    pools.create(DomainStoresContract.pool(POOL));
    groups.create(group("admins", null, null));
    groups.addMember(groups.find(POOL, "admins").orElseThrow(), "sub-1");

    pools.delete(pools.find(POOL).orElseThrow());

    assertTrue(groups.find(POOL, "admins").isEmpty());
    assertTrue(groups.groupNamesOf(POOL, "sub-1", 10, null).items().isEmpty());
  }

  @Test
  void whenGroupsOfAUserAreReadThenTheyComeInPrecedenceOrderWithoutPrecedenceLast() {
    groups.create(group("zeta", 0, null));
    groups.create(group("none-b", null, null));
    groups.create(group("none-a", null, null));
    groups.create(group("beta", 5, null));
    groups.create(group("alpha", 5, null));
    groups.create(group("other", 1, null)); // the user is not in this one
    for (String name : List.of("zeta", "none-b", "none-a", "beta", "alpha")) {
      groups.addMember(groups.find(POOL, name).orElseThrow(), "sub-1");
    }

    List<String> names = groups.groupsOf(POOL, "sub-1").stream().map(Group::name).toList();

    assertEquals(List.of("zeta", "alpha", "beta", "none-a", "none-b"), names);
    assertTrue(groups.groupsOf(POOL, "sub-unknown").isEmpty());
  }
}
