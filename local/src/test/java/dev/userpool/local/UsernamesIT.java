package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static dev.userpool.local.AdminCreateUserIT.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * UsernameConfiguration, UsernameAttributes and AliasAttributes as AdminCreateUser and AdminGetUser
 * see them.
 */
class UsernamesIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenPoolIsCaseInsensitiveThenAnyCaseFindsTheUser() {
    String poolId = TestPools.builder().caseInsensitive().create(server);
    create(poolId, "MixedCase");

    assertEquals(
        "MixedCase",
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("mixedcase")).username());
    assertThrows(UsernameExistsException.class, () -> create(poolId, "MIXEDCASE"));
  }

  @Test
  void whenPoolIsCaseSensitiveThenCaseVariantsAreDifferentUsers() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "MixedCase");

    assertThrows(
        UserNotFoundException.class,
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("mixedcase")));
    create(poolId, "mixedcase");
    assertEquals(
        "mixedcase",
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("mixedcase")).username());
  }

  @Test
  void whenPoolUsesEmailAsUsernameThenUsernameIsTheSubAndEmailSignsIn() {
    String poolId =
        TestPools.builder().usernameAttributes("email").caseInsensitive().create(server);

    UserType user = create(poolId, "Alice@Example.com");

    String sub = attributes(user).get("sub");
    assertEquals(sub, user.username());
    assertEquals("Alice@Example.com", attributes(user).get("email"));
    assertEquals(
        sub,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice@example.com")).username());
  }

  @Test
  void whenEmailUsernameIsTakenThenUsernameExistsException() {
    String poolId = TestPools.builder().usernameAttributes("email").create(server);
    create(poolId, "bob@example.com");

    UsernameExistsException e =
        assertThrows(UsernameExistsException.class, () -> create(poolId, "bob@example.com"));

    assertEquals("User account already exists", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenEmailPoolGetsPlainUsernameThenInvalidParameterException() {
    String poolId = TestPools.builder().usernameAttributes("email", "phone_number").create(server);

    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> create(poolId, "carol"));

    assertEquals(
        "Username should be either an email or a phone number.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenPhonePoolGetsPhoneNumberThenItBecomesTheUsersPhoneNumber() {
    String poolId = TestPools.builder().usernameAttributes("phone_number").create(server);

    UserType user = create(poolId, "+15555550100");

    assertEquals("+15555550100", attributes(user).get("phone_number"));
  }

  @Test
  void whenAliasPoolGetsEmailFormatUsernameThenInvalidParameterException() {
    String poolId = TestPools.builder().aliasAttributes("email").create(server);

    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> create(poolId, "d@example.com"));

    assertEquals(
        "Username cannot be of email format, since user pool is configured for email alias.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenAliasIsVerifiedThenItFindsTheUser() {
    String poolId =
        TestPools.builder().aliasAttributes("email", "preferred_username").create(server);
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("erin")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(
                    attr("email", "erin@example.com"),
                    attr("email_verified", "true"),
                    attr("preferred_username", "e-rin")));

    assertEquals(
        "erin",
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("erin@example.com")).username());
    assertEquals(
        "erin", cognito.adminGetUser(b -> b.userPoolId(poolId).username("e-rin")).username());
  }

  @Test
  void whenAliasIsNotVerifiedThenItDoesNotFindTheUser() {
    String poolId = TestPools.builder().aliasAttributes("email").create(server);
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("finn")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attr("email", "finn@example.com")));

    assertThrows(
        UserNotFoundException.class,
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("finn@example.com")));
  }

  private UserType create(String poolId, String username) {
    return cognito
        .adminCreateUser(
            b -> b.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS))
        .user();
  }
}
