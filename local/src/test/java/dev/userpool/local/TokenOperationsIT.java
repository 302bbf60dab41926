package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.confirmedUser;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * GetUser, ChangePassword, DeleteUser, UpdateUserAttributes and DeleteUserAttributes through the
 * AWS SDK v2.
 */
class TokenOperationsIT {
  private static final String NEW_PASSWORD = "N3w-Passw0rd!";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  /**
   * A pool with an immutable custom:tier, a client for every flow, and alice signed in; her access
   * token.
   */
  private String signedInAlice(String... writeAttributes) {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.schema(
                    SchemaAttributeType.builder()
                        .name("tier")
                        .attributeDataType(AttributeDataType.STRING)
                        .mutable(false)
                        .build()));
    String clientId =
        SignInFixtures.client(
                cognito,
                poolId,
                b -> {
                  b.explicitAuthFlows(SignInFixtures.ALL_FLOWS);
                  if (writeAttributes.length > 0) {
                    b.writeAttributes(writeAttributes);
                  }
                })
            .clientId();
    confirmedUser(
        cognito,
        poolId,
        "alice",
        attr("email", "alice@example.com"),
        attr("email_verified", "true"),
        attr("custom:tier", "gold"),
        attr("name", "Alice"));
    lastPool = poolId;
    lastClient = clientId;
    return passwordSignIn(cognito, clientId, "alice", PASSWORD)
        .authenticationResult()
        .accessToken();
  }

  private String lastPool;
  private String lastClient;

  private static Map<String, String> attributes(List<AttributeType> list) {
    return list.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  @Test
  void whenAccessTokenIsValidThenGetUserReturnsUsernameAndAttributes() {
    String token = signedInAlice();

    GetUserResponse user = cognito.getUser(b -> b.accessToken(token));

    assertEquals("alice", user.username());
    Map<String, String> attributes = attributes(user.userAttributes());
    assertEquals("alice@example.com", attributes.get("email"));
    assertEquals("gold", attributes.get("custom:tier"));
    assertNotNull(attributes.get("sub"));
    assertEquals("sub", user.userAttributes().get(0).name());
  }

  @Test
  void whenTokenIsGarbageThenInvalidAccessToken() {
    signedInAlice();

    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> cognito.getUser(b -> b.accessToken("garbage")));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> cognito.getUser(b -> b.accessToken("a.b.c")));
  }

  @Test
  void whenTokenIsAnIdTokenThenInvalidAccessToken() {
    signedInAlice();
    String idToken =
        passwordSignIn(cognito, lastClient, "alice", PASSWORD).authenticationResult().idToken();

    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> cognito.getUser(b -> b.accessToken(idToken)));
  }

  @Test
  void whenTokenClaimsAnotherPoolThenInvalidAccessToken() {
    String token = signedInAlice();
    String otherPool = SignInFixtures.pool(cognito);
    String[] parts = token.split("\\.");
    ObjectNode claims =
        (ObjectNode)
            Json.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    claims.put("iss", claims.get("iss").asText().replace(lastPool, otherPool));
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> cognito.getUser(b -> b.accessToken(forged)));
  }

  @Test
  void whenTokensPoolIsDeletedThenInvalidAccessToken() {
    String token = signedInAlice();

    cognito.deleteUserPool(b -> b.userPoolId(lastPool));

    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> cognito.getUser(b -> b.accessToken(token)));
  }

  @Test
  void whenTokenLacksTheAdminScopeThenRequiredScopesAreMissing() {
    String token = signedInAlice();
    var tokens = server.server().wiring().dependencies().tokens();
    ObjectNode claims =
        tokens.verifier().verify(token, dev.userpool.tokens.TokenUse.ACCESS).claims();
    claims.put("scope", "openid email");
    String narrow = tokens.issuer().sign(lastPool, claims);

    Expect.error(
        NotAuthorizedException.class,
        "Access Token does not have required scopes",
        () -> cognito.getUser(b -> b.accessToken(narrow)));
  }

  @Test
  void whenUserIsDisabledThenUserIsDisabled() {
    String token = signedInAlice();

    cognito.adminDisableUser(b -> b.userPoolId(lastPool).username("alice"));

    Expect.error(
        NotAuthorizedException.class,
        "User is disabled.",
        () -> cognito.getUser(b -> b.accessToken(token)));
    cognito.adminEnableUser(b -> b.userPoolId(lastPool).username("alice"));
    assertEquals("alice", cognito.getUser(b -> b.accessToken(token)).username());
  }

  @Test
  void whenUserIsDeletedByAnAdministratorThenUserDoesNotExist() {
    String token = signedInAlice();

    cognito.adminDeleteUser(b -> b.userPoolId(lastPool).username("alice"));

    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.getUser(b -> b.accessToken(token)));
    Expect.error(
        NotAuthorizedException.class,
        "Access Token has been revoked",
        () -> cognito.globalSignOut(b -> b.accessToken(token)));
  }

  @Test
  void whenUserDeletesItselfThenItIsGoneAndTheTokenIsRefused() {
    String token = signedInAlice();

    cognito.deleteUser(b -> b.accessToken(token));

    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(b -> b.userPoolId(lastPool).username("alice")));
    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.deleteUser(b -> b.accessToken(token)));
  }

  @Test
  void whenPreviousPasswordIsRightThenOnlyTheNewPasswordSignsIn() {
    String token = signedInAlice();

    cognito.changePassword(
        b -> b.accessToken(token).previousPassword(PASSWORD).proposedPassword(NEW_PASSWORD));

    assertNotNull(
        passwordSignIn(cognito, lastClient, "alice", NEW_PASSWORD).authenticationResult());
    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> passwordSignIn(cognito, lastClient, "alice", PASSWORD));
    assertEquals(
        "CONFIRMED",
        cognito.adminGetUser(b -> b.userPoolId(lastPool).username("alice")).userStatusAsString());
  }

  @Test
  void whenPreviousPasswordIsWrongThenIncorrectUsernameOrPassword() {
    String token = signedInAlice();

    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () ->
            cognito.changePassword(
                b ->
                    b.accessToken(token)
                        .previousPassword("Wr0ng-Password!")
                        .proposedPassword(NEW_PASSWORD)));
    assertNotNull(passwordSignIn(cognito, lastClient, "alice", PASSWORD).authenticationResult());
  }

  @Test
  void whenNewPasswordBreaksThePolicyThenInvalidPassword() {
    String token = signedInAlice();

    Expect.error(
        InvalidPasswordException.class,
        "Password did not conform with policy",
        () ->
            cognito.changePassword(
                b ->
                    b.accessToken(token)
                        .previousPassword(PASSWORD)
                        .proposedPassword("alllowercase")));
    assertNotNull(passwordSignIn(cognito, lastClient, "alice", PASSWORD).authenticationResult());
  }

  @Test
  void whenFivePreviousPasswordsWereWrongThenTheAttemptLimitIsExceeded() {
    String token = signedInAlice();
    for (int i = 0; i < 5; i++) {
      Expect.error(
          NotAuthorizedException.class,
          "Incorrect username or password.",
          () ->
              cognito.changePassword(
                  b ->
                      b.accessToken(token)
                          .previousPassword("Wr0ng-Password!")
                          .proposedPassword(NEW_PASSWORD)));
    }

    Expect.error(
        LimitExceededException.class,
        "Attempt limit exceeded, please try after some time.",
        () ->
            cognito.changePassword(
                b ->
                    b.accessToken(token)
                        .previousPassword(PASSWORD)
                        .proposedPassword(NEW_PASSWORD)));
  }

  @Test
  void whenEmailChangesThenItIsUnverifiedAndNoCodeIsClaimed() {
    String token = signedInAlice();

    UpdateUserAttributesResponse response =
        cognito.updateUserAttributes(
            b ->
                b.accessToken(token)
                    .userAttributes(attr("email", "alice@example.org"), attr("name", "Alice A.")));

    assertTrue(response.codeDeliveryDetailsList().isEmpty());
    Map<String, String> attributes =
        attributes(cognito.getUser(b -> b.accessToken(token)).userAttributes());
    assertEquals("alice@example.org", attributes.get("email"));
    assertEquals("false", attributes.get("email_verified"));
    assertEquals("Alice A.", attributes.get("name"));
  }

  @Test
  void whenAttributeIsImmutableThenItCannotBeUpdatedOrDeleted() {
    String token = signedInAlice();

    Expect.error(
        InvalidParameterException.class,
        "Cannot modify the non-mutable attribute custom:tier",
        () ->
            cognito.updateUserAttributes(
                b -> b.accessToken(token).userAttributes(attr("custom:tier", "silver"))));
    Expect.error(
        InvalidParameterException.class,
        "Cannot modify the non-mutable attribute sub",
        () ->
            cognito.updateUserAttributes(
                b -> b.accessToken(token).userAttributes(attr("sub", "x"))));
    Expect.error(
        InvalidParameterException.class,
        "custom:tier",
        () ->
            cognito.deleteUserAttributes(
                b -> b.accessToken(token).userAttributeNames("custom:tier")));
  }

  @Test
  void whenAttributeIsUnknownThenItDoesNotExistInTheSchema() {
    String token = signedInAlice();

    Expect.error(
        InvalidParameterException.class,
        "user.custom:nope: Attribute does not exist in the schema.",
        () ->
            cognito.updateUserAttributes(
                b -> b.accessToken(token).userAttributes(attr("custom:nope", "x"))));
  }

  @Test
  void whenClientMayNotWriteTheAttributeThenUnauthorizedAttribute() {
    String token = signedInAlice("name");

    Expect.error(
        NotAuthorizedException.class,
        "A client attempted to write unauthorized attribute",
        () ->
            cognito.updateUserAttributes(
                b -> b.accessToken(token).userAttributes(attr("email", "a@b.example"))));
    Expect.error(
        NotAuthorizedException.class,
        "A client attempted to write unauthorized attribute",
        () -> cognito.deleteUserAttributes(b -> b.accessToken(token).userAttributeNames("email")));
    cognito.updateUserAttributes(b -> b.accessToken(token).userAttributes(attr("name", "Al")));
    assertEquals(
        "Al", attributes(cognito.getUser(b -> b.accessToken(token)).userAttributes()).get("name"));
  }

  @Test
  void whenAttributesAreDeletedThenTheyAndTheirVerifiedFlagAreGone() {
    String token = signedInAlice();

    cognito.deleteUserAttributes(b -> b.accessToken(token).userAttributeNames("email", "name"));

    Map<String, String> attributes =
        attributes(cognito.getUser(b -> b.accessToken(token)).userAttributes());
    assertFalse(attributes.containsKey("email"));
    assertFalse(attributes.containsKey("email_verified"));
    assertFalse(attributes.containsKey("name"));
    assertEquals("gold", attributes.get("custom:tier"));
  }

  @Test
  void whenTokenIsGarbageThenEveryTokenOperationRefusesIt() {
    signedInAlice();
    String bad = "not.a.token";

    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () ->
            cognito.changePassword(
                b -> b.accessToken(bad).previousPassword(PASSWORD).proposedPassword(NEW_PASSWORD)));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> cognito.deleteUser(b -> b.accessToken(bad)));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () ->
            cognito.updateUserAttributes(
                b -> b.accessToken(bad).userAttributes(attr("name", "x"))));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> cognito.deleteUserAttributes(b -> b.accessToken(bad).userAttributeNames("name")));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> cognito.globalSignOut(b -> b.accessToken(bad)));
  }
}
