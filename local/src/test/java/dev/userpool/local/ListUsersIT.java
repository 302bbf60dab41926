package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

class ListUsersIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenNoFilterThenAllUsersAreListedWithCognitosMembers() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "alice", "alice@example.com", "Alice");
    create(poolId, "bob", "bob@example.com", "Bob");

    ListUsersResponse response = cognito.listUsers(b -> b.userPoolId(poolId));

    assertEquals(Set.of("alice", "bob"), usernames(response.users()));
    assertNull(response.paginationToken());
    UserType user = response.users().get(0);
    assertNotNull(user.userCreateDate());
    assertNotNull(user.userLastModifiedDate());
    assertTrue(user.enabled());
    assertNotNull(user.userStatus());
    assertTrue(user.attributes().stream().anyMatch(a -> a.name().equals("sub")));
  }

  @Test
  void whenFilterIsExactThenOnlyMatchingUsersAreListed() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "alice", "alice@example.com", "Alice");
    create(poolId, "bob", "bob@example.com", "Bob");

    assertEquals(Set.of("bob"), list(poolId, b -> b.filter("email = \"BOB@example.com\"")));
    assertEquals(Set.of("alice"), list(poolId, b -> b.filter("username = \"alice\"")));
    assertEquals(Set.of("alice"), list(poolId, b -> b.filter("given_name = \"Alice\"")));
    assertEquals(Set.of(), list(poolId, b -> b.filter("username = \"Alice\"")));
  }

  @Test
  void whenFilterIsPrefixThenUsersStartingWithItAreListed() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "alice", "alice@example.com", "Alice");
    create(poolId, "alfred", "alfred@corp.example", "Alfred");
    create(poolId, "bob", "bob@example.com", "Bob");

    assertEquals(Set.of("alice", "alfred"), list(poolId, b -> b.filter("username ^= \"al\"")));
    assertEquals(Set.of("alice", "alfred"), list(poolId, b -> b.filter("given_name ^= \"al\"")));
    assertEquals(Set.of("alfred"), list(poolId, b -> b.filter("email ^= \"alf\"")));
  }

  @Test
  void whenFilterIsOnStatusAndEnabledThenTheyAreMatched() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "alice", "alice@example.com", "Alice");
    create(poolId, "bob", "bob@example.com", "Bob");
    cognito.adminSetUserPassword(
        b -> b.userPoolId(poolId).username("bob").password("Perm#Pass1").permanent(true));
    cognito.adminDisableUser(b -> b.userPoolId(poolId).username("alice"));

    assertEquals(Set.of("bob"), list(poolId, b -> b.filter("cognito:user_status = \"confirmed\"")));
    assertEquals(Set.of("alice"), list(poolId, b -> b.filter("status = \"Disabled\"")));
  }

  @Test
  void whenFilterIsMalformedThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () -> cognito.listUsers(b -> b.userPoolId(poolId).filter("email = alice")));

    assertEquals("Error while parsing filter.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenFilterIsLongerThanTheModelAllowsThenModelValidationError() {
    String poolId = TestPools.builder().create(server);

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.listUsers(
                    b -> b.userPoolId(poolId).filter("email = \"" + "a".repeat(260) + "\"")));

    assertTrue(
        e.awsErrorDetails()
            .errorMessage()
            .contains(
                "at 'filter' failed to satisfy constraint: "
                    + "Member must have length less than or equal to 256"),
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenLimitIsSmallThenPagesContinueWithoutRepeatsOrGaps() {
    String poolId = TestPools.builder().create(server);
    for (int i = 0; i < 7; i++) {
      create(poolId, "user" + i, "user" + i + "@example.com", "User");
    }

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String current = token;
      ListUsersResponse page =
          cognito.listUsers(b -> b.userPoolId(poolId).limit(3).paginationToken(current));
      assertTrue(page.users().size() <= 3);
      page.users().forEach(u -> seen.add(u.username()));
      token = page.paginationToken();
      pages++;
    } while (token != null);

    assertEquals(7, seen.size());
    assertEquals(7, new HashSet<>(seen).size());
    assertEquals(3, pages);
  }

  @Test
  void whenFilterSkipsUsersThenPagesAreStillFilledAndContinueWhereTheyStopped() {
    String poolId = TestPools.builder().create(server);
    for (int i = 0; i < 12; i++) {
      create(poolId, "user" + i, (i % 2 == 0 ? "even" : "odd") + i + "@example.com", "User");
    }

    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      String current = token;
      ListUsersResponse page =
          cognito.listUsers(
              b ->
                  b.userPoolId(poolId)
                      .limit(4)
                      .filter("email ^= \"even\"")
                      .paginationToken(current));
      if (page.paginationToken() != null) {
        assertEquals(4, page.users().size());
      }
      page.users().forEach(u -> seen.add(u.username()));
      token = page.paginationToken();
    } while (token != null);

    assertEquals(
        Set.of("user0", "user2", "user4", "user6", "user8", "user10"), new HashSet<>(seen));
    assertEquals(6, seen.size());
  }

  @Test
  void whenAttributesToGetIsGivenThenOnlyThoseAttributesAreReturned() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "alice", "alice@example.com", "Alice");

    UserType user =
        cognito.listUsers(b -> b.userPoolId(poolId).attributesToGet("email")).users().get(0);

    assertEquals(List.of("email"), user.attributes().stream().map(AttributeType::name).toList());
    assertEquals("alice", user.username());
  }

  @Test
  void whenAttributesToGetIsEmptyThenAllAttributesAreReturned() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "alice", "alice@example.com", "Alice");

    UserType user =
        cognito.listUsers(b -> b.userPoolId(poolId).attributesToGet(List.of())).users().get(0);

    assertEquals(
        Set.of("sub", "email", "given_name"),
        user.attributes().stream().map(AttributeType::name).collect(Collectors.toSet()));
  }

  @Test
  void whenAttributesToGetNamesUnknownAttributeThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        InvalidParameterException.class,
        () -> cognito.listUsers(b -> b.userPoolId(poolId).attributesToGet("custom:nope")));
  }

  @Test
  void whenPaginationTokenIsNotOursThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        InvalidParameterException.class,
        () -> cognito.listUsers(b -> b.userPoolId(poolId).paginationToken("bm90LWEtdG9rZW4")));
  }

  @Test
  void whenPoolDoesNotExistThenResourceNotFoundException() {
    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.listUsers(b -> b.userPoolId("us-east-1_Missing00")));
  }

  private Set<String> list(String poolId, Consumer<ListUsersRequest.Builder> request) {
    return usernames(cognito.listUsers(b -> request.accept(b.userPoolId(poolId))).users());
  }

  private void create(String poolId, String username, String email, String givenName) {
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attr("email", email), attr("given_name", givenName)));
  }

  private static Set<String> usernames(List<UserType> users) {
    return users.stream().map(UserType::username).collect(Collectors.toSet());
  }
}
