package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.crypto.Srp6a;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedUserStateException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

class AdminCreateUserIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenUserIsCreatedThenResponseHasCognitosMembers() {
    String poolId = TestPools.builder().create(server);
    Instant before = Instant.now().minusSeconds(1);

    UserType user =
        cognito
            .adminCreateUser(
                b ->
                    b.userPoolId(poolId)
                        .username("alice")
                        .userAttributes(attr("email", "alice@example.com"), attr("name", "Alice"))
                        .temporaryPassword("Temp#Pass1")
                        .messageAction(MessageActionType.SUPPRESS))
            .user();

    assertEquals("alice", user.username());
    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, user.userStatus());
    assertTrue(user.enabled());
    assertTrue(user.userCreateDate().isAfter(before));
    assertEquals(user.userCreateDate(), user.userLastModifiedDate());
    Map<String, String> attributes = attributes(user);
    assertEquals("alice@example.com", attributes.get("email"));
    assertEquals("Alice", attributes.get("name"));
    assertTrue(
        attributes
            .get("sub")
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    assertEquals("sub", user.attributes().get(0).name());
    assertFalse(user.hasMfaOptions());
  }

  @Test
  void whenTemporaryPasswordIsGivenThenOnlyItsVerifierIsStoredWithPolicyValidity() {
    String poolId =
        TestPools.builder().passwordPolicy("TemporaryPasswordValidityDays", 3).create(server);

    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .temporaryPassword("Temp#Pass1")
                .messageAction(MessageActionType.SUPPRESS));

    User stored = storedUser(poolId, "bob");
    UserPool pool = server.server().wiring().dependencies().pools().find(poolId).orElseThrow();
    assertTrue(Srp6a.matches(stored.password(), pool.srpPoolName(), "bob", "Temp#Pass1"));
    assertFalse(StoredItems.dump(server.server()).contains("Temp#Pass1"));
    Duration validity =
        Duration.between(stored.password().setAt(), stored.password().temporaryUntil());
    assertEquals(Duration.ofDays(3), validity);
  }

  @Test
  void whenNoTemporaryPasswordIsGivenThenOneIsGenerated() {
    String poolId = TestPools.builder().create(server);

    cognito.adminCreateUser(
        b -> b.userPoolId(poolId).username("carol").messageAction(MessageActionType.SUPPRESS));

    User stored = storedUser(poolId, "carol");
    assertNotNull(stored.password().verifierHex());
    assertNotNull(stored.password().temporaryUntil());
  }

  @Test
  void whenNoMessageActionIsGivenThenUserIsCreatedWithoutClaimingDelivery() {
    String poolId = TestPools.builder().create(server);

    AdminCreateUserResponse response =
        cognito.adminCreateUser(
            b ->
                b.userPoolId(poolId)
                    .username("dave")
                    .userAttributes(attr("email", "dave@example.com")));

    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, response.user().userStatus());
    assertEquals(
        "dave", cognito.adminGetUser(b -> b.userPoolId(poolId).username("dave")).username());
  }

  @Test
  void whenUsernameIsTakenThenUsernameExistsException() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "erin");

    UsernameExistsException e =
        assertThrows(UsernameExistsException.class, () -> createUser(poolId, "erin"));

    assertEquals("User account already exists", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenPoolDoesNotExistThenResourceNotFoundException() {
    ResourceNotFoundException e =
        assertThrows(
            ResourceNotFoundException.class, () -> createUser("us-east-1_NoSuchPoo", "frank"));

    assertEquals(
        "User pool us-east-1_NoSuchPoo does not exist.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenTemporaryPasswordBreaksPolicyThenInvalidPasswordException() {
    String poolId = TestPools.builder().create(server);

    InvalidPasswordException e =
        assertThrows(
            InvalidPasswordException.class,
            () ->
                cognito.adminCreateUser(
                    b ->
                        b.userPoolId(poolId)
                            .username("gina")
                            .temporaryPassword("nouppercase1!")
                            .messageAction(MessageActionType.SUPPRESS)));

    assertEquals(
        "Password did not conform with password policy: Password must have uppercase characters",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenUsernameIsMissingThenModelValidationError() {
    String poolId = TestPools.builder().create(server);

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () -> cognito.adminCreateUser(b -> b.userPoolId(poolId)));

    assertEquals(
        "1 validation error detected: Value null at 'username' failed to satisfy constraint: "
            + "Member must not be null",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenSubIsGivenThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.adminCreateUser(
                    b ->
                        b.userPoolId(poolId)
                            .username("hank")
                            .userAttributes(attr("sub", "c0ffee00-0000-4000-8000-000000000000"))));

    assertEquals("Cannot modify the non-mutable attribute sub", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenAttributeIsNotInSchemaThenInvalidParameterException() {
    String poolId = TestPools.builder().customAttribute("team", true).create(server);

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.adminCreateUser(
                    b ->
                        b.userPoolId(poolId)
                            .username("ivy")
                            .userAttributes(attr("custom:tier", "gold"))));

    assertEquals(
        "user.custom:tier: Attribute does not exist in the schema.\n",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenCustomAttributeIsInSchemaThenItIsStored() {
    String poolId = TestPools.builder().customAttribute("team", false).create(server);

    UserType user =
        cognito
            .adminCreateUser(
                b ->
                    b.userPoolId(poolId)
                        .username("jack")
                        .userAttributes(attr("custom:team", "blue"))
                        .messageAction(MessageActionType.SUPPRESS))
            .user();

    assertEquals("blue", attributes(user).get("custom:team"));
  }

  @Test
  void whenRequiredAttributeIsMissingThenInvalidParameterException() {
    String poolId = TestPools.builder().required("email").create(server);

    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> createUser(poolId, "kim"));

    assertTrue(e.awsErrorDetails().errorMessage().contains("email: The attribute is required"));
  }

  @Test
  void whenEmailIsMalformedThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.adminCreateUser(
                    b ->
                        b.userPoolId(poolId)
                            .username("lee")
                            .userAttributes(attr("email", "not-an-email"))));

    assertEquals("Invalid email address format.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenResendForForceChangePasswordUserThenTemporaryPasswordIsReset() {
    String poolId = TestPools.builder().create(server);
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("mia")
                .temporaryPassword("First#Pass1")
                .messageAction(MessageActionType.SUPPRESS));
    String firstSalt = storedUser(poolId, "mia").password().saltHex();

    UserType user =
        cognito
            .adminCreateUser(
                b ->
                    b.userPoolId(poolId)
                        .username("mia")
                        .temporaryPassword("Second#Pass2")
                        .messageAction(MessageActionType.RESEND))
            .user();

    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, user.userStatus());
    User stored = storedUser(poolId, "mia");
    assertNotEquals(firstSalt, stored.password().saltHex());
    UserPool pool = server.server().wiring().dependencies().pools().find(poolId).orElseThrow();
    assertTrue(Srp6a.matches(stored.password(), pool.srpPoolName(), "mia", "Second#Pass2"));
  }

  @Test
  void whenResendForUnknownUserThenUserNotFoundException() {
    String poolId = TestPools.builder().create(server);

    UserNotFoundException e =
        assertThrows(
            UserNotFoundException.class,
            () ->
                cognito.adminCreateUser(
                    b ->
                        b.userPoolId(poolId)
                            .username("nobody")
                            .messageAction(MessageActionType.RESEND)));

    assertEquals("User does not exist.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenResendForConfirmedUserThenUnsupportedUserStateException() {
    String poolId = TestPools.builder().create(server);
    createUser(poolId, "nora");
    cognito.adminSetUserPassword(
        b -> b.userPoolId(poolId).username("nora").password("Perm#Pass1").permanent(true));

    assertThrows(
        UnsupportedUserStateException.class,
        () ->
            cognito.adminCreateUser(
                b ->
                    b.userPoolId(poolId).username("nora").messageAction(MessageActionType.RESEND)));
  }

  @Test
  void whenVerifiedEmailAliasIsTakenThenAliasExistsException() {
    String poolId = TestPools.builder().aliasAttributes("email").create(server);
    createVerified(poolId, "olga", "shared@example.com", false);

    AliasExistsException e =
        assertThrows(
            AliasExistsException.class,
            () -> createVerified(poolId, "otto", "shared@example.com", false));

    assertEquals("An account with the email already exists.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenForceAliasCreationThenAliasMovesToNewUser() {
    String poolId = TestPools.builder().aliasAttributes("email").create(server);
    createVerified(poolId, "pam", "moving@example.com", false);

    createVerified(poolId, "pete", "moving@example.com", true);

    assertEquals(
        "pete",
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("moving@example.com")).username());
    Map<String, String> previous =
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("pam")).userAttributes().stream()
            .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    assertEquals("false", previous.get("email_verified"));
  }

  private void createVerified(String poolId, String username, String email, boolean force) {
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username(username)
                .forceAliasCreation(force)
                .userAttributes(attr("email", email), attr("email_verified", "true"))
                .messageAction(MessageActionType.SUPPRESS));
  }

  private void createUser(String poolId, String username) {
    cognito.adminCreateUser(
        b -> b.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS));
  }

  private static User storedUser(String poolId, String username) {
    var deps = server.server().wiring().dependencies();
    UserPool pool = deps.pools().find(poolId).orElseThrow();
    return new dev.userpool.operations.users.UserDirectory(deps.users()).require(pool, username);
  }

  static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  static Map<String, String> attributes(UserType user) {
    return user.attributes().stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }
}
