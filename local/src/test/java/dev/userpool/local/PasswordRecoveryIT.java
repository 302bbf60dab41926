package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.store.table.Item;
import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * ForgotPassword, ConfirmForgotPassword and AdminResetUserPassword through the AWS SDK, codes from
 * the outbox.
 */
class PasswordRecoveryIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2025-01-10T12:00:00Z"));
  private static final String NEW_PASSWORD = "N3w-Passw0rd!";

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();
  private String poolId;
  private String clientId;

  @BeforeEach
  void poolAndUser() {
    poolId = SignInFixtures.pool(cognito);
    clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(
        cognito, poolId, "jane", attr("email", "jane@example.com"), attr("email_verified", "true"));
  }

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private ForgotPasswordResponse forgot(String client, String username) {
    return cognito.forgotPassword(
        b -> b.clientId(client).username(username).clientMetadata(Map.of("why", "lost")));
  }

  private void confirm(String username, String code, String password) {
    cognito.confirmForgotPassword(
        b ->
            b.clientId(clientId)
                .username(username)
                .confirmationCode(code)
                .password(password)
                .clientMetadata(Map.of("k", "v")));
  }

  private UserStatusType status(String username) {
    return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username)).userStatus();
  }

  @Test
  void whenTheRightCodeIsGivenThenTheNewPasswordSignsIn() throws Exception {
    ForgotPasswordResponse sent = forgot(clientId, "jane");
    assertEquals("j***@e***", sent.codeDeliveryDetails().destination());
    assertEquals("EMAIL", sent.codeDeliveryDetails().deliveryMediumAsString());
    JsonNode m = server.messages(poolId, "jane").get(0);
    assertEquals("CustomMessage_ForgotPassword", m.get("triggerSource").asText());
    assertEquals("lost", m.get("clientMetadata").get("why").asText());

    confirm("jane", m.get("code").asText(), NEW_PASSWORD);

    assertEquals(UserStatusType.CONFIRMED, status("jane"));
    SignInFixtures.passwordSignIn(cognito, clientId, "jane", NEW_PASSWORD);
    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> SignInFixtures.passwordSignIn(cognito, clientId, "jane", PASSWORD));
  }

  @Test
  void whenTheCodeIsWrongReusedOrExpiredThenCognitosErrors() throws Exception {
    forgot(clientId, "jane");
    String code = server.lastCode(poolId, "jane");
    Expect.error(
        CodeMismatchException.class,
        "Invalid verification code provided, please try again.",
        () -> confirm("jane", SignUpIT.otherThan(code), NEW_PASSWORD));
    confirm("jane", code, NEW_PASSWORD);
    Expect.error(
        ExpiredCodeException.class,
        "Invalid code provided, please request a code again.",
        () -> confirm("jane", code, "An0ther-Passw0rd!"));

    forgot(clientId, "jane");
    String later = server.lastCode(poolId, "jane");
    CLOCK.advance(Duration.ofHours(1));
    Expect.error(
        ExpiredCodeException.class,
        "Invalid code provided, please request a code again.",
        () -> confirm("jane", later, "An0ther-Passw0rd!"));
    SignInFixtures.passwordSignIn(cognito, clientId, "jane", NEW_PASSWORD);
  }

  @Test
  void whenTheCodeIsStoredThenItExpiresWithinTheHourAndIsNotInClear() throws Exception {
    forgot(clientId, "jane");
    String code = server.lastCode(poolId, "jane");
    List<Item> items = server.server().wiring().table().query("POOL#" + poolId, "", null, 1000);
    items.forEach(i -> assertFalse(i.data().contains(code), i.sk()));
    Item item =
        items.stream().filter(i -> i.sk().endsWith("#forgot-password")).findFirst().orElseThrow();
    assertEquals(CLOCK.instant().plus(Duration.ofHours(1)).getEpochSecond(), item.expiresAt());
  }

  @Test
  void whenFiveWrongCodesWereGivenThenLimitExceeded() throws Exception {
    forgot(clientId, "jane");
    String code = server.lastCode(poolId, "jane");
    for (int i = 0; i < 5; i++) {
      Expect.error(
          CodeMismatchException.class,
          "Invalid verification code",
          () -> confirm("jane", SignUpIT.otherThan(code), NEW_PASSWORD));
    }
    Expect.error(
        LimitExceededException.class,
        "Attempt limit exceeded, please try after some time.",
        () -> confirm("jane", code, NEW_PASSWORD));
    SignInFixtures.passwordSignIn(cognito, clientId, "jane", PASSWORD);
  }

  @Test
  void whenTheNewPasswordBreaksThePolicyThenInvalidPasswordAndTheCodeStillWorks() throws Exception {
    forgot(clientId, "jane");
    String code = server.lastCode(poolId, "jane");
    Expect.error(
        InvalidPasswordException.class,
        "Password did not conform with policy",
        () -> confirm("jane", code, "weakpassword"));
    confirm("jane", code, NEW_PASSWORD);
  }

  @Test
  void whenNoChannelIsVerifiedThenForgotPasswordIsRefused() throws Exception {
    SignInFixtures.confirmedUser(cognito, poolId, "unverified", attr("email", "u@example.com"));
    Expect.error(
        InvalidParameterException.class,
        "Cannot reset password for the user as there is no registered/verified email or phone_number",
        () -> forgot(clientId, "unverified"));
    Expect.error(
        InvalidParameterException.class,
        "Cannot reset password for the user as there is no registered/verified email or phone_number",
        () -> cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username("unverified")));
    assertTrue(server.messages(poolId, "unverified").isEmpty());
  }

  @Test
  void whenAVerifiedPhoneExistsThenItIsPreferred() throws Exception {
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "pat",
        attr("email", "pat@example.com"),
        attr("email_verified", "true"),
        attr("phone_number", "+447700900123"),
        attr("phone_number_verified", "true"));
    ForgotPasswordResponse sent = forgot(clientId, "pat");
    assertEquals("+********0123", sent.codeDeliveryDetails().destination());
    assertEquals("SMS", sent.codeDeliveryDetails().deliveryMediumAsString());
  }

  @Test
  void whenTheUserIsUnknownThenLegacyClientsSayItAndEnabledClientsSimulate() {
    String enabled =
        SignInFixtures.client(
                cognito,
                poolId,
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
            .clientId();

    Expect.error(
        UserNotFoundException.class,
        "Username/client id combination not found.",
        () -> forgot(clientId, "ghost"));
    ForgotPasswordResponse simulated = forgot(enabled, "ghost");
    assertEquals("EMAIL", simulated.codeDeliveryDetails().deliveryMediumAsString());
    assertTrue(
        simulated.codeDeliveryDetails().destination().matches("[a-z]\\*\\*\\*@[a-z]\\*\\*\\*"));
    assertEquals(simulated.codeDeliveryDetails(), forgot(enabled, "ghost").codeDeliveryDetails());
    Expect.error(
        CodeMismatchException.class,
        "Invalid verification code provided, please try again.",
        () ->
            cognito.confirmForgotPassword(
                b ->
                    b.clientId(enabled)
                        .username("ghost")
                        .confirmationCode("123456")
                        .password(NEW_PASSWORD)));
    Expect.error(
        UserNotFoundException.class,
        "Username/client id combination not found.",
        () -> confirm("ghost", "123456", NEW_PASSWORD));
  }

  @Test
  void whenAnAdminResetsThePasswordThenTheUserMustResetItWithTheCode() throws Exception {
    cognito.adminResetUserPassword(
        b -> b.userPoolId(poolId).username("jane").clientMetadata(Map.of("by", "admin")));

    assertEquals(UserStatusType.RESET_REQUIRED, status("jane"));
    JsonNode m = server.messages(poolId, "jane").get(0);
    assertEquals("CustomMessage_ForgotPassword", m.get("triggerSource").asText());
    assertEquals("admin", m.get("clientMetadata").get("by").asText());

    confirm("jane", m.get("code").asText(), NEW_PASSWORD);
    assertEquals(UserStatusType.CONFIRMED, status("jane"));
    SignInFixtures.passwordSignIn(cognito, clientId, "jane", NEW_PASSWORD);
  }

  @Test
  void whenCodesAreRequestedTooOftenThenLimitExceeded() {
    for (int i = 0; i < 5; i++) {
      forgot(clientId, "jane");
    }
    Expect.error(
        LimitExceededException.class,
        "Attempt limit exceeded, please try after some time.",
        () -> forgot(clientId, "jane"));
  }
}
