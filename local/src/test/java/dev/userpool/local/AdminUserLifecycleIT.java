package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** AdminGetUser, AdminDeleteUser, AdminEnableUser, AdminDisableUser and AdminSetUserPassword. */
class AdminUserLifecycleIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenUserExistsThenAdminGetUserReturnsItsMembers() {
    String poolId = TestPools.builder().create(server);
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("alice")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attr("given_name", "Alice")));

    AdminGetUserResponse user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice"));

    assertEquals("alice", user.username());
    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, user.userStatus());
    assertTrue(user.enabled());
    assertEquals("Alice", attributes(user).get("given_name"));
    assertTrue(attributes(user).containsKey("sub"));
    assertTrue(user.userCreateDate() != null && user.userLastModifiedDate() != null);
    assertFalse(user.hasMfaOptions());
    assertNull(user.preferredMfaSetting());
    assertFalse(user.hasUserMFASettingList());
  }

  @Test
  void whenUsernameIsTheSubThenAdminGetUserFindsTheUser() {
    String poolId = TestPools.builder().create(server);
    String sub = create(poolId, "bob");

    assertEquals("bob", cognito.adminGetUser(b -> b.userPoolId(poolId).username(sub)).username());
  }

  @Test
  void whenUserDoesNotExistThenUserNotFoundException() {
    String poolId = TestPools.builder().create(server);

    UserNotFoundException e =
        assertThrows(
            UserNotFoundException.class,
            () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("ghost")));

    assertEquals("User does not exist.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenPoolDoesNotExistThenResourceNotFoundException() {
    assertThrows(
        ResourceNotFoundException.class,
        () -> cognito.adminGetUser(b -> b.userPoolId("us-east-1_Missing00").username("x")));
  }

  @Test
  void whenUserIsDeletedThenItIsGoneAndTheUsernameIsFree() {
    String poolId = TestPools.builder().create(server);
    String firstSub = create(poolId, "carol");

    cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("carol"));

    assertThrows(
        UserNotFoundException.class,
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol")));
    String secondSub = create(poolId, "carol");
    assertFalse(firstSub.equals(secondSub));
  }

  @Test
  void whenDeletingUnknownUserThenUserNotFoundException() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        UserNotFoundException.class,
        () -> cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("x")));
  }

  @Test
  void whenUserIsDisabledAndEnabledThenEnabledFollows() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "dave");

    cognito.adminDisableUser(b -> b.userPoolId(poolId).username("dave"));
    assertFalse(cognito.adminGetUser(b -> b.userPoolId(poolId).username("dave")).enabled());

    cognito.adminEnableUser(b -> b.userPoolId(poolId).username("dave"));
    assertTrue(cognito.adminGetUser(b -> b.userPoolId(poolId).username("dave")).enabled());
  }

  @Test
  void whenDisablingUnknownUserThenUserNotFoundException() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        UserNotFoundException.class,
        () -> cognito.adminDisableUser(b -> b.userPoolId(poolId).username("x")));
    assertThrows(
        UserNotFoundException.class,
        () -> cognito.adminEnableUser(b -> b.userPoolId(poolId).username("x")));
  }

  @Test
  void whenPermanentPasswordIsSetThenUserIsConfirmed() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "erin");

    cognito.adminSetUserPassword(
        b -> b.userPoolId(poolId).username("erin").password("Perm#Pass1").permanent(true));

    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("erin")).userStatus());
  }

  @Test
  void whenTemporaryPasswordIsSetThenUserMustChangeIt() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "finn");
    cognito.adminSetUserPassword(
        b -> b.userPoolId(poolId).username("finn").password("Perm#Pass1").permanent(true));

    cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("finn").password("Temp#Pass2"));

    assertEquals(
        UserStatusType.FORCE_CHANGE_PASSWORD,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("finn")).userStatus());
  }

  @Test
  void whenPasswordBreaksPolicyThenInvalidPasswordException() {
    String poolId = TestPools.builder().passwordPolicy("MinimumLength", 12).create(server);
    create(poolId, "gail");

    InvalidPasswordException e =
        assertThrows(
            InvalidPasswordException.class,
            () ->
                cognito.adminSetUserPassword(
                    b ->
                        b.userPoolId(poolId)
                            .username("gail")
                            .password("Short#Pw1")
                            .permanent(true)));

    assertEquals(
        "Password did not conform with policy: Password not long enough",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenPasswordIsShorterThanTheModelAllowsThenModelValidationError() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "hugo");

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.adminSetUserPassword(
                    b -> b.userPoolId(poolId).username("hugo").password("")));

    assertTrue(
        e.awsErrorDetails()
            .errorMessage()
            .startsWith("1 validation error detected: Value at 'password'"),
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenSettingPasswordOfUnknownUserThenUserNotFoundException() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        UserNotFoundException.class,
        () ->
            cognito.adminSetUserPassword(
                b ->
                    b.userPoolId(poolId)
                        .username("nobody")
                        .password("Perm#Pass1")
                        .permanent(true)));
  }

  private String create(String poolId, String username) {
    return cognito
        .adminCreateUser(
            b -> b.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS))
        .user()
        .attributes()
        .stream()
        .filter(a -> a.name().equals("sub"))
        .findFirst()
        .orElseThrow()
        .value();
  }

  private static Map<String, String> attributes(AdminGetUserResponse user) {
    return user.userAttributes().stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }
}
