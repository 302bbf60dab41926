package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListGroupsForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersInGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser and ListUsersInGroup
 * through the AWS SDK v2, and what deleting a user or a group does to memberships.
 */
class GroupMembersIT {
  private static final String MISSING_POOL = GroupsIT.MISSING_POOL;

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenUserIsAddedThenBothListingsShowTheMembership() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    cognito.createGroup(
        b -> b.userPoolId(poolId).groupName("admins").precedence(1).description("Admins"));

    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("alice"));

    List<GroupType> groups =
        cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("alice")).groups();
    assertEquals(List.of("admins"), groups.stream().map(GroupType::groupName).toList());
    assertEquals(
        cognito.getGroup(b -> b.userPoolId(poolId).groupName("admins")).group(), groups.get(0));
    List<UserType> users =
        cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("admins")).users();
    assertEquals(List.of("alice"), users.stream().map(UserType::username).toList());
  }

  @Test
  void whenMembersAreListedThenTheyAreRenderedLikeListUsers() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("alice"));

    UserType member =
        cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("admins")).users().get(0);
    UserType listed = cognito.listUsers(b -> b.userPoolId(poolId)).users().get(0);

    assertEquals(listed, member);
    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, member.userStatus());
    assertEquals("sub", member.attributes().get(0).name());
  }

  @Test
  void whenUserIsAddedTwiceThenItIsAMemberOnce() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));

    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("alice"));
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("alice"));

    assertEquals(
        1, cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("admins")).users().size());
  }

  @Test
  void whenUserIsAddressedBySubThenTheSameUserIsAdded() {
    String poolId = TestPools.builder().create(server);
    String sub = createUser(poolId, "alice");
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));

    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username(sub));

    assertEquals(
        1,
        cognito
            .adminListGroupsForUser(b -> b.userPoolId(poolId).username("alice"))
            .groups()
            .size());
  }

  @Test
  void whenUserIsRemovedThenNeitherListingShowsIt() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("alice"));

    cognito.adminRemoveUserFromGroup(
        b -> b.userPoolId(poolId).groupName("admins").username("alice"));

    assertTrue(
        cognito
            .adminListGroupsForUser(b -> b.userPoolId(poolId).username("alice"))
            .groups()
            .isEmpty());
    assertTrue(
        cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("admins")).users().isEmpty());
  }

  @Test
  void whenUserIsNotAMemberThenRemovingSucceeds() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));

    cognito.adminRemoveUserFromGroup(
        b -> b.userPoolId(poolId).groupName("admins").username("alice"));
  }

  @Test
  void whenUserDoesNotExistThenUserNotFoundException() {
    String poolId = TestPools.builder().create(server);
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
    List<Runnable> calls =
        List.of(
            () ->
                cognito.adminAddUserToGroup(
                    b -> b.userPoolId(poolId).groupName("admins").username("ghost")),
            () ->
                cognito.adminRemoveUserFromGroup(
                    b -> b.userPoolId(poolId).groupName("admins").username("ghost")),
            () -> cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("ghost")));
    for (Runnable call : calls) {
      UserNotFoundException e = assertThrows(UserNotFoundException.class, call::run);
      assertEquals("User does not exist.", e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void whenGroupDoesNotExistThenResourceNotFoundGroupNotFound() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    List<Runnable> calls =
        List.of(
            () ->
                cognito.adminAddUserToGroup(
                    b -> b.userPoolId(poolId).groupName("ghost").username("alice")),
            () ->
                cognito.adminRemoveUserFromGroup(
                    b -> b.userPoolId(poolId).groupName("ghost").username("alice")),
            () -> cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("ghost")));
    for (Runnable call : calls) {
      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call::run);
      assertEquals("Group not found.", e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void whenPoolDoesNotExistThenEveryMembershipOperationSaysSo() {
    List<Runnable> calls =
        List.of(
            () ->
                cognito.adminAddUserToGroup(
                    b -> b.userPoolId(MISSING_POOL).groupName("g").username("u")),
            () ->
                cognito.adminRemoveUserFromGroup(
                    b -> b.userPoolId(MISSING_POOL).groupName("g").username("u")),
            () -> cognito.adminListGroupsForUser(b -> b.userPoolId(MISSING_POOL).username("u")),
            () -> cognito.listUsersInGroup(b -> b.userPoolId(MISSING_POOL).groupName("g")));
    for (Runnable call : calls) {
      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call::run);
      assertEquals(
          "User pool " + MISSING_POOL + " does not exist.", e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void whenUserIsDeletedThenGroupsNoLongerListIt() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    createUser(poolId, "bob");
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("alice"));
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("bob"));

    cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("alice"));

    assertEquals(
        List.of("bob"),
        cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("admins")).users().stream()
            .map(UserType::username)
            .toList());
    createUser(poolId, "alice");
    assertTrue(
        cognito
            .adminListGroupsForUser(b -> b.userPoolId(poolId).username("alice"))
            .groups()
            .isEmpty());
  }

  @Test
  void whenGroupIsDeletedThenItsMembersLoseItAndARecreatedGroupIsEmpty() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("staff"));
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username("alice"));
    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("staff").username("alice"));

    cognito.deleteGroup(b -> b.userPoolId(poolId).groupName("admins"));

    assertEquals(
        List.of("staff"),
        cognito
            .adminListGroupsForUser(b -> b.userPoolId(poolId).username("alice"))
            .groups()
            .stream()
            .map(GroupType::groupName)
            .toList());
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
    assertTrue(
        cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("admins")).users().isEmpty());
  }

  @Test
  void whenGroupsOfAUserArePagedThenEachAppearsOnce() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    for (int i = 0; i < 5; i++) {
      String name = "group-" + i;
      cognito.createGroup(b -> b.userPoolId(poolId).groupName(name));
      cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName(name).username("alice"));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      String current = token;
      AdminListGroupsForUserResponse page =
          cognito.adminListGroupsForUser(
              b -> b.userPoolId(poolId).username("alice").limit(2).nextToken(current));
      assertTrue(page.groups().size() <= 2);
      page.groups().forEach(g -> seen.add(g.groupName()));
      token = page.nextToken();
    } while (token != null);

    assertEquals(List.of("group-0", "group-1", "group-2", "group-3", "group-4"), seen);
  }

  @Test
  void whenMembersArePagedThenEachAppearsOnce() {
    String poolId = TestPools.builder().create(server);
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "user-" + i;
      createUser(poolId, name);
      cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username(name));
      expected.add(name);
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      String current = token;
      ListUsersInGroupResponse page =
          cognito.listUsersInGroup(
              b -> b.userPoolId(poolId).groupName("admins").limit(2).nextToken(current));
      assertTrue(page.users().size() <= 2);
      page.users().forEach(u -> seen.add(u.username()));
      token = page.nextToken();
    } while (token != null);

    seen.sort(null);
    assertEquals(expected, seen);
  }

  @Test
  void whenTokenOfAnotherGroupIsUsedThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("staff"));
    for (String name : List.of("a", "b")) {
      createUser(poolId, name);
      cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName("admins").username(name));
    }
    String token =
        cognito
            .listUsersInGroup(b -> b.userPoolId(poolId).groupName("admins").limit(1))
            .nextToken();

    assertThrows(
        InvalidParameterException.class,
        () ->
            cognito.listUsersInGroup(
                b -> b.userPoolId(poolId).groupName("staff").nextToken(token)));
  }

  @Test
  void whenLimitIsAboveSixtyThenValidationError() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");

    assertThrows(
        InvalidParameterException.class,
        () ->
            cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("alice").limit(61)));
    assertThrows(
        InvalidParameterException.class,
        () -> cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("admins").limit(61)));
  }

  @Test
  void whenUserIsInAHundredGroupsThenTheNextAddIsLimitExceeded() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "alice");
    for (int i = 0; i <= 100; i++) {
      String name = String.format("g%03d", i);
      cognito.createGroup(b -> b.userPoolId(poolId).groupName(name));
      if (i < 100) {
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName(name).username("alice"));
      }
    }

    assertThrows(
        LimitExceededException.class,
        () ->
            cognito.adminAddUserToGroup(
                b -> b.userPoolId(poolId).groupName("g100").username("alice")));
    cognito.adminAddUserToGroup(
        b -> b.userPoolId(poolId).groupName("g099").username("alice")); // already in: fine
    assertNull(
        cognito
            .adminListGroupsForUser(b -> b.userPoolId(poolId).username("alice").limit(60))
            .groups()
            .stream()
            .filter(g -> g.groupName().equals("g100"))
            .findFirst()
            .orElse(null));
  }

  private String createUser(String poolId, String username) {
    return cognito
        .adminCreateUser(
            b -> b.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS))
        .user()
        .attributes()
        .stream()
        .filter(a -> a.name().equals("sub"))
        .findFirst()
        .map(AttributeType::value)
        .orElseThrow();
  }
}
