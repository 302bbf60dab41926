package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** AdminUpdateUserAttributes and AdminDeleteUserAttributes. */
class AdminUserAttributesIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenStandardAndCustomAttributesAreUpdatedThenTheyAreStored() {
    String poolId = TestPools.builder().customAttribute("team", true).create(server);
    create(poolId, "alice", attr("name", "Alice"));

    cognito.adminUpdateUserAttributes(
        b ->
            b.userPoolId(poolId)
                .username("alice")
                .userAttributes(
                    attr("name", "Alice A."), attr("custom:team", "red"), attr("locale", "en")));

    Map<String, String> a = attributes(poolId, "alice");
    assertEquals("Alice A.", a.get("name"));
    assertEquals("red", a.get("custom:team"));
    assertEquals("en", a.get("locale"));
  }

  @Test
  void whenDeveloperOnlyAttributeIsWrittenThroughTheAdminApiThenItIsStored() {
    String poolId = TestPools.builder().developerOnlyAttribute("score").create(server);
    create(poolId, "bob");

    cognito.adminUpdateUserAttributes(
        b -> b.userPoolId(poolId).username("bob").userAttributes(attr("dev:custom:score", "42")));

    assertEquals("42", attributes(poolId, "bob").get("dev:custom:score"));
  }

  @Test
  void whenSubIsUpdatedThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "carol");

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.adminUpdateUserAttributes(
                    b ->
                        b.userPoolId(poolId)
                            .username("carol")
                            .userAttributes(attr("sub", "c0ffee00-0000-4000-8000-000000000000"))));

    assertEquals("Cannot modify the non-mutable attribute sub", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenImmutableCustomAttributeIsChangedAfterCreationThenInvalidParameterException() {
    String poolId = TestPools.builder().customAttribute("tenant", false).create(server);
    create(poolId, "dave", attr("custom:tenant", "acme"));

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.adminUpdateUserAttributes(
                    b ->
                        b.userPoolId(poolId)
                            .username("dave")
                            .userAttributes(attr("custom:tenant", "other"))));

    assertEquals(
        "Cannot modify the non-mutable attribute custom:tenant",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenUnknownAttributeIsUpdatedThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "erin");

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.adminUpdateUserAttributes(
                    b ->
                        b.userPoolId(poolId)
                            .username("erin")
                            .userAttributes(attr("update_email", "x@example.com"))));

    assertEquals(
        "user.update_email: Attribute does not exist in the schema.\n",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenVerifiedFlagIsNotBooleanThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "finn");

    assertThrows(
        InvalidParameterException.class,
        () ->
            cognito.adminUpdateUserAttributes(
                b ->
                    b.userPoolId(poolId)
                        .username("finn")
                        .userAttributes(attr("email_verified", "yes"))));
  }

  @Test
  void whenEmailChangesInAutoVerifiedPoolThenEmailIsNoLongerVerified() {
    String poolId = TestPools.builder().autoVerifiedAttributes("email").create(server);
    create(poolId, "gail", attr("email", "old@example.com"), attr("email_verified", "true"));

    cognito.adminUpdateUserAttributes(
        b ->
            b.userPoolId(poolId).username("gail").userAttributes(attr("email", "new@example.com")));

    Map<String, String> a = attributes(poolId, "gail");
    assertEquals("new@example.com", a.get("email"));
    assertEquals("false", a.get("email_verified"));
  }

  @Test
  void whenEmailChangesTogetherWithVerifiedTrueThenItStaysVerified() {
    String poolId = TestPools.builder().autoVerifiedAttributes("email").create(server);
    create(poolId, "hugo", attr("email", "old@example.com"), attr("email_verified", "true"));

    cognito.adminUpdateUserAttributes(
        b ->
            b.userPoolId(poolId)
                .username("hugo")
                .userAttributes(attr("email", "new@example.com"), attr("email_verified", "true")));

    assertEquals("true", attributes(poolId, "hugo").get("email_verified"));
  }

  @Test
  void whenVerifiedEmailAliasBelongsToAnotherUserThenAliasExistsException() {
    String poolId = TestPools.builder().aliasAttributes("email").create(server);
    create(poolId, "ivy", attr("email", "taken@example.com"), attr("email_verified", "true"));
    create(poolId, "jack");

    AliasExistsException e =
        assertThrows(
            AliasExistsException.class,
            () ->
                cognito.adminUpdateUserAttributes(
                    b ->
                        b.userPoolId(poolId)
                            .username("jack")
                            .userAttributes(
                                attr("email", "taken@example.com"),
                                attr("email_verified", "true"))));

    assertEquals("An account with the email already exists.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenUpdatingUnknownUserThenUserNotFoundException() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        UserNotFoundException.class,
        () ->
            cognito.adminUpdateUserAttributes(
                b -> b.userPoolId(poolId).username("ghost").userAttributes(attr("name", "x"))));
  }

  @Test
  void whenUpdatingInUnknownPoolThenResourceNotFoundException() {
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            cognito.adminUpdateUserAttributes(
                b ->
                    b.userPoolId("us-east-1_Missing00")
                        .username("x")
                        .userAttributes(attr("name", "x"))));
  }

  @Test
  void whenAttributesAreDeletedThenTheyAndTheirVerifiedFlagAreGone() {
    String poolId = TestPools.builder().create(server);
    create(
        poolId,
        "kim",
        attr("email", "kim@example.com"),
        attr("email_verified", "true"),
        attr("name", "Kim"));

    cognito.adminDeleteUserAttributes(
        b -> b.userPoolId(poolId).username("kim").userAttributeNames("email", "name"));

    Map<String, String> a = attributes(poolId, "kim");
    assertFalse(a.containsKey("email"));
    assertFalse(a.containsKey("email_verified"));
    assertFalse(a.containsKey("name"));
  }

  @Test
  void whenRequiredAttributeIsDeletedThenInvalidParameterException() {
    String poolId = TestPools.builder().required("email").create(server);
    create(poolId, "lee", attr("email", "lee@example.com"));

    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                cognito.adminDeleteUserAttributes(
                    b -> b.userPoolId(poolId).username("lee").userAttributeNames("email")));

    assertEquals(
        "Invalid user attributes: email: Required attribute cannot be deleted.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void whenSubIsDeletedThenInvalidParameterException() {
    String poolId = TestPools.builder().create(server);
    create(poolId, "mia");

    assertThrows(
        InvalidParameterException.class,
        () ->
            cognito.adminDeleteUserAttributes(
                b -> b.userPoolId(poolId).username("mia").userAttributeNames("sub")));
  }

  @Test
  void whenDeletingAttributesOfUnknownUserThenUserNotFoundException() {
    String poolId = TestPools.builder().create(server);

    assertThrows(
        UserNotFoundException.class,
        () ->
            cognito.adminDeleteUserAttributes(
                b -> b.userPoolId(poolId).username("x").userAttributeNames("name")));
  }

  private void create(String poolId, String username, AttributeType... attributes) {
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username(username)
                .userAttributes(attributes)
                .messageAction(MessageActionType.SUPPRESS));
  }

  private Map<String, String> attributes(String poolId, String username) {
    return cognito
        .adminGetUser(b -> b.userPoolId(poolId).username(username))
        .userAttributes()
        .stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }
}
