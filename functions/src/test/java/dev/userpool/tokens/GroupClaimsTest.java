package dev.userpool.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.userpool.domain.Group;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupClaimsTest {
  private static final String ADMIN = "arn:aws:iam::123456789012:role/admin";
  private static final String STAFF = "arn:aws:iam::123456789012:role/staff";

  private static Group group(String name, Integer precedence, String roleArn) {
    return new Group(
        "us-east-1_X", name, null, roleArn, precedence, Instant.EPOCH, Instant.EPOCH, 0);
  }

  private static GroupClaims claims(Group... groups) {
    List<Group> ordered = new ArrayList<>(List.of(groups));
    ordered.sort(Group.PRECEDENCE_ORDER);
    return GroupClaims.of(ordered);
  }

  @Test
  void whenGroupsHaveNoRolesThenOnlyGroupNamesAreClaimed() {
    GroupClaims c = claims(group("b", null, null), group("a", 2, null));

    assertEquals(List.of("a", "b"), c.groups());
    assertEquals(List.of(), c.roles());
    assertNull(c.preferredRole());
  }

  @Test
  void whenLowestPrecedenceGroupHasARoleThenItIsPreferred() {
    GroupClaims c =
        claims(group("staff", 5, STAFF), group("admins", 1, ADMIN), group("plain", 0, null));

    assertEquals(List.of("plain", "admins", "staff"), c.groups());
    assertEquals(List.of(ADMIN, STAFF), c.roles());
    assertEquals(ADMIN, c.preferredRole());
  }

  @Test
  void whenTiedGroupsHaveDifferentRolesThenNoPreferredRole() {
    GroupClaims c = claims(group("staff", 1, STAFF), group("admins", 1, ADMIN));

    assertEquals(List.of(ADMIN, STAFF), c.roles());
    assertNull(c.preferredRole());
  }

  @Test
  void whenTiedGroupsShareTheirRoleThenThatRoleIsPreferred() {
    GroupClaims c =
        claims(group("staff", 1, ADMIN), group("admins", 1, ADMIN), group("x", 2, STAFF));

    assertEquals(List.of(ADMIN, STAFF), c.roles());
    assertEquals(ADMIN, c.preferredRole());
  }

  @Test
  void whenOnlyGroupsWithoutPrecedenceHaveRolesThenTheyDecideThePreferredRole() {
    assertEquals(STAFF, claims(group("a", 0, null), group("s", null, STAFF)).preferredRole());
    assertNull(claims(group("a", null, ADMIN), group("s", null, STAFF)).preferredRole());
  }

  @Test
  void whenUserHasNoGroupsThenNothingIsClaimed() {
    assertEquals(GroupClaims.NONE, GroupClaims.of(List.of()));
  }
}
