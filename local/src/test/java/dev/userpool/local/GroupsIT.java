package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/** CreateGroup, GetGroup, UpdateGroup, DeleteGroup and ListGroups through the AWS SDK v2. */
class GroupsIT {
  static final String ROLE = "arn:aws:iam::123456789012:role/admins";
  static final String MISSING_POOL = "us-east-1_Missing00";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenGroupIsCreatedThenResponseAndGetGroupShowEveryMember() {
    String poolId = TestPools.builder().create(server);

    GroupType created =
        cognito
            .createGroup(
                b ->
                    b.userPoolId(poolId)
                        .groupName("admins")
                        .description("Admins")
                        .roleArn(ROLE)
                        .precedence(1))
            .group();
    GroupType read = cognito.getGroup(b -> b.userPoolId(poolId).groupName("admins")).group();

    assertEquals(created, read);
    assertEquals("admins", read.groupName());
    assertEquals(poolId, read.userPoolId());
    assertEquals("Admins", read.description());
    assertEquals(ROLE, read.roleArn());
    assertEquals(1, read.precedence());
    assertNotNull(read.creationDate());
    assertEquals(read.creationDate(), read.lastModifiedDate());
  }

  @Test
  void whenOnlyTheNameIsGivenThenOptionalMembersAreAbsent() {
    String poolId = TestPools.builder().create(server);

    GroupType g = cognito.createGroup(b -> b.userPoolId(poolId).groupName("plain")).group();

    assertNull(g.description());
    assertNull(g.roleArn());
    assertNull(g.precedence());
  }

  @Test
  void whenNameIsTakenThenGroupExistsException() {
    String poolId = TestPools.builder().create(server);
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));

    GroupExistsException e =
        assertThrows(
            GroupExistsException.class,
            () -> cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins")));

    assertEquals("A group with the name already exists.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenSameNameIsUsedInAnotherPoolThenBothExist() {
    String first = TestPools.builder().create(server);
    String second = TestPools.builder().create(server);

    cognito.createGroup(b -> b.userPoolId(first).groupName("admins").precedence(1));
    cognito.createGroup(b -> b.userPoolId(second).groupName("admins").precedence(2));

    assertEquals(
        1, cognito.getGroup(b -> b.userPoolId(first).groupName("admins")).group().precedence());
    assertEquals(
        2, cognito.getGroup(b -> b.userPoolId(second).groupName("admins")).group().precedence());
  }

  @Test
  void whenPrecedenceIsNegativeThenValidationError() {
    String poolId = TestPools.builder().create(server);

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins").precedence(-1)));

    assertTrue(
        e.awsErrorDetails().errorMessage().contains("at 'precedence' failed to satisfy constraint"),
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenRoleArnIsMalformedThenValidationError() {
    String poolId = TestPools.builder().create(server);

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.createGroup(
                    b -> b.userPoolId(poolId).groupName("admins").roleArn("not-an-arn-at-all-xx")));

    assertTrue(
        e.awsErrorDetails().errorMessage().contains("at 'roleArn' failed to satisfy constraint"),
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenGroupNameHasWhitespaceThenValidationError() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        InvalidParameterException.class,
        () -> cognito.createGroup(b -> b.userPoolId(poolId).groupName("two words")));
  }

  @Test
  void whenPoolDoesNotExistThenEveryGroupOperationSaysSo() {
    List<Runnable> calls =
        List.of(
            () -> cognito.createGroup(b -> b.userPoolId(MISSING_POOL).groupName("g")),
            () -> cognito.getGroup(b -> b.userPoolId(MISSING_POOL).groupName("g")),
            () -> cognito.updateGroup(b -> b.userPoolId(MISSING_POOL).groupName("g")),
            () -> cognito.deleteGroup(b -> b.userPoolId(MISSING_POOL).groupName("g")),
            () -> cognito.listGroups(b -> b.userPoolId(MISSING_POOL)));
    for (Runnable call : calls) {
      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call::run);
      assertEquals(
          "User pool " + MISSING_POOL + " does not exist.", e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void whenGroupDoesNotExistThenResourceNotFoundGroupNotFound() {
    String poolId = TestPools.builder().create(server);
    List<Runnable> calls =
        List.of(
            () -> cognito.getGroup(b -> b.userPoolId(poolId).groupName("ghost")),
            () -> cognito.updateGroup(b -> b.userPoolId(poolId).groupName("ghost").precedence(1)),
            () -> cognito.deleteGroup(b -> b.userPoolId(poolId).groupName("ghost")));
    for (Runnable call : calls) {
      ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call::run);
      assertEquals("Group not found.", e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void whenOnlyPrecedenceIsUpdatedThenDescriptionAndRoleStay() throws Exception {
    String poolId = TestPools.builder().create(server);
    GroupType created =
        cognito
            .createGroup(
                b ->
                    b.userPoolId(poolId)
                        .groupName("admins")
                        .description("Admins")
                        .roleArn(ROLE)
                        .precedence(1))
            .group();
    Thread.sleep(5);

    GroupType updated =
        cognito.updateGroup(b -> b.userPoolId(poolId).groupName("admins").precedence(7)).group();

    assertEquals(7, updated.precedence());
    assertEquals("Admins", updated.description());
    assertEquals(ROLE, updated.roleArn());
    assertEquals(created.creationDate(), updated.creationDate());
    assertTrue(updated.lastModifiedDate().isAfter(created.lastModifiedDate()));
    assertEquals(updated, cognito.getGroup(b -> b.userPoolId(poolId).groupName("admins")).group());
  }

  @Test
  void whenDescriptionAndRoleAreUpdatedThenPrecedenceStays() {
    String poolId = TestPools.builder().create(server);
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins").precedence(3));

    GroupType updated =
        cognito
            .updateGroup(
                b -> b.userPoolId(poolId).groupName("admins").description("New").roleArn(ROLE))
            .group();

    assertEquals(3, updated.precedence());
    assertEquals("New", updated.description());
    assertEquals(ROLE, updated.roleArn());
  }

  @Test
  void whenGroupIsDeletedThenItIsGoneAndTheNameIsFree() {
    String poolId = TestPools.builder().create(server);
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins").precedence(1));

    cognito.deleteGroup(b -> b.userPoolId(poolId).groupName("admins"));

    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.getGroup(b -> b.userPoolId(poolId).groupName("admins")));
    assertNull(
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins")).group().precedence());
  }

  @Test
  void whenGroupsAreListedPageByPageThenEachAppearsOnceAndTheLastPageHasNoToken() {
    String poolId = TestPools.builder().create(server);
    for (int i = 0; i < 7; i++) {
      String name = "group-" + i;
      cognito.createGroup(b -> b.userPoolId(poolId).groupName(name));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String current = token;
      ListGroupsResponse page =
          cognito.listGroups(b -> b.userPoolId(poolId).limit(3).nextToken(current));
      page.groups().forEach(g -> seen.add(g.groupName()));
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertEquals(3, pages);
    assertEquals(
        List.of("group-0", "group-1", "group-2", "group-3", "group-4", "group-5", "group-6"), seen);
  }

  @Test
  void whenLimitIsAbsentThenUpToSixtyGroupsComeBack() {
    String poolId = TestPools.builder().create(server);
    for (int i = 0; i < 61; i++) {
      String name = String.format("g%02d", i);
      cognito.createGroup(b -> b.userPoolId(poolId).groupName(name));
    }

    ListGroupsResponse first = cognito.listGroups(b -> b.userPoolId(poolId));

    assertEquals(60, first.groups().size());
    assertNotNull(first.nextToken());
    ListGroupsResponse rest =
        cognito.listGroups(b -> b.userPoolId(poolId).nextToken(first.nextToken()));
    assertEquals(List.of("g60"), rest.groups().stream().map(GroupType::groupName).toList());
    assertNull(rest.nextToken());
  }

  @Test
  void whenPoolHasNoGroupsThenListIsEmpty() {
    String poolId = TestPools.builder().create(server);

    ListGroupsResponse page = cognito.listGroups(b -> b.userPoolId(poolId));

    assertTrue(page.groups().isEmpty());
    assertNull(page.nextToken());
  }

  @Test
  void whenLimitIsAboveSixtyThenValidationError() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        InvalidParameterException.class,
        () -> cognito.listGroups(b -> b.userPoolId(poolId).limit(61)));
  }

  @Test
  void whenNextTokenIsForeignThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        InvalidParameterException.class,
        () -> cognito.listGroups(b -> b.userPoolId(poolId).nextToken("bm90LWEta2V5")));
  }

  @Test
  void whenPoolIsDeletedThenItsGroupsGoWithIt() {
    String poolId = cognito.createUserPool(b -> b.poolName("doomed")).userPool().id();
    cognito.createGroup(b -> b.userPoolId(poolId).groupName("admins"));

    cognito.deleteUserPool(b -> b.userPoolId(poolId));

    assertFalse(
        server.server().wiring().dependencies().groups().find(poolId, "admins").isPresent());
  }
}
