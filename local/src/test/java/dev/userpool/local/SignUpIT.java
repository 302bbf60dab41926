package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.store.table.Item;
import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * SignUp, ConfirmSignUp, ResendConfirmationCode and AdminConfirmSignUp through the AWS SDK, codes
 * from the outbox.
 */
class SignUpIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2025-01-10T12:00:00Z"));

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  private String poolWithAutoVerified(VerifiedAttributeType... attributes) {
    return SignInFixtures.pool(cognito, b -> b.autoVerifiedAttributes(attributes));
  }

  private String clientOf(String poolId) {
    return SignInFixtures.client(cognito, poolId).clientId();
  }

  private SignUpResponse signUp(String clientId, String username, AttributeType... attributes) {
    return cognito.signUp(
        b ->
            b.clientId(clientId)
                .username(username)
                .password(PASSWORD)
                .userAttributes(attributes)
                .clientMetadata(Map.of("origin", "it")));
  }

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private Map<String, String> attributes(String poolId, String username) {
    return cognito
        .adminGetUser(b -> b.userPoolId(poolId).username(username))
        .userAttributes()
        .stream()
        .collect(java.util.stream.Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  private UserStatusType status(String poolId, String username) {
    return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username)).userStatus();
  }

  private void confirm(String clientId, String username, String code) {
    cognito.confirmSignUp(b -> b.clientId(clientId).username(username).confirmationCode(code));
  }

  @Test
  void whenEmailIsAutoVerifiedThenSignUpSendsTheCodeByEmailAndTheUserIsUnconfirmed()
      throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);

    SignUpResponse response = signUp(clientId, "jane", attr("email", "jane@example.com"));

    assertFalse(response.userConfirmed());
    assertEquals("j***@e***", response.codeDeliveryDetails().destination());
    assertEquals("EMAIL", response.codeDeliveryDetails().deliveryMediumAsString());
    assertEquals("email", response.codeDeliveryDetails().attributeName());
    assertEquals(36, response.userSub().length());
    assertEquals(UserStatusType.UNCONFIRMED, status(poolId, "jane"));

    List<JsonNode> messages = server.messages(poolId, "jane");
    assertEquals(1, messages.size());
    JsonNode m = messages.get(0);
    assertEquals("EMAIL", m.get("deliveryMedium").asText());
    assertEquals("jane@example.com", m.get("destination").asText());
    assertEquals("email", m.get("attributeName").asText());
    assertEquals("CustomMessage_SignUp", m.get("triggerSource").asText());
    assertEquals("Your verification code", m.get("subject").asText());
    String code = m.get("code").asText();
    assertTrue(code.matches("[0-9]{6}"), code);
    assertEquals("Your verification code is " + code + ". ", m.get("message").asText());
    assertEquals("it", m.get("clientMetadata").get("origin").asText());
    assertEquals(poolId, m.get("userPoolId").asText());
    assertNotNull(Instant.parse(m.get("timestamp").asText()));
  }

  @Test
  void whenPhoneAndEmailAreAutoVerifiedThenTheCodeGoesByPhoneOnly() throws Exception {
    String poolId =
        poolWithAutoVerified(VerifiedAttributeType.EMAIL, VerifiedAttributeType.PHONE_NUMBER);
    SignUpResponse response =
        signUp(
            clientOf(poolId),
            "pat",
            attr("email", "pat@example.com"),
            attr("phone_number", "+15555551212"));

    assertEquals("+*******1212", response.codeDeliveryDetails().destination());
    assertEquals("SMS", response.codeDeliveryDetails().deliveryMediumAsString());
    List<JsonNode> messages = server.messages(poolId, "pat");
    assertEquals(1, messages.size());
    assertEquals("+15555551212", messages.get(0).get("destination").asText());
    assertTrue(messages.get(0).get("subject").isNull());
  }

  @Test
  void whenTheRightCodeIsGivenThenTheUserIsConfirmedAndTheEmailVerified() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));

    confirm(clientId, "jane", server.lastCode(poolId, "jane"));

    assertEquals(UserStatusType.CONFIRMED, status(poolId, "jane"));
    assertEquals("true", attributes(poolId, "jane").get("email_verified"));
    SignInFixtures.passwordSignIn(
        cognito, SignInFixtures.client(cognito, poolId).clientId(), "jane", PASSWORD);
  }

  @Test
  void whenAWrongCodeIsGivenThenCodeMismatchAndTheUserStaysUnconfirmed() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));
    String wrong = otherThan(server.lastCode(poolId, "jane"));

    Expect.error(
        CodeMismatchException.class,
        "Invalid verification code provided, please try again.",
        () -> confirm(clientId, "jane", wrong));
    assertEquals(UserStatusType.UNCONFIRMED, status(poolId, "jane"));
  }

  @Test
  void whenTheCodeHasExpiredThenExpiredCode() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));
    String code = server.lastCode(poolId, "jane");

    CLOCK.advance(Duration.ofHours(24));
    Expect.error(
        ExpiredCodeException.class,
        "Invalid code provided, please request a code again.",
        () -> confirm(clientId, "jane", code));
    assertEquals(UserStatusType.UNCONFIRMED, status(poolId, "jane"));
  }

  @Test
  void whenTheCodeIsUsedAgainThenTheUserCannotBeConfirmedTwice() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));
    String code = server.lastCode(poolId, "jane");
    confirm(clientId, "jane", code);

    Expect.error(
        NotAuthorizedException.class,
        "User cannot be confirmed. Current status is CONFIRMED",
        () -> confirm(clientId, "jane", code));
  }

  @Test
  void whenFifteenWrongCodesWereGivenThenEvenTheRightOneIsRefused() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));
    String code = server.lastCode(poolId, "jane");
    String wrong = otherThan(code);
    for (int i = 0; i < 15; i++) {
      Expect.error(
          CodeMismatchException.class,
          "Invalid verification code",
          () -> confirm(clientId, "jane", wrong));
    }

    Expect.error(
        LimitExceededException.class,
        "Attempt limit exceeded, please try after some time.",
        () -> confirm(clientId, "jane", code));
    assertEquals(UserStatusType.UNCONFIRMED, status(poolId, "jane"));
  }

  @Test
  void whenACodeIsStoredThenOnlyItsHashIsKeptWithATtl() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    signUp(clientOf(poolId), "jane", attr("email", "jane@example.com"));
    String code = server.lastCode(poolId, "jane");

    List<Item> items = server.server().wiring().table().query("POOL#" + poolId, "", null, 1000);
    for (Item item : items) {
      assertFalse(item.data().contains(code), "code in clear in " + item.sk());
      assertFalse(item.sk().contains(code), "code in clear in " + item.sk());
    }
    Item codeItem =
        items.stream().filter(i -> i.sk().startsWith("CODE#")).findFirst().orElseThrow();
    assertTrue(codeItem.sk().endsWith("#signup"), codeItem.sk());
    assertEquals(CLOCK.instant().plus(Duration.ofHours(24)).getEpochSecond(), codeItem.expiresAt());
    assertTrue(
        Pattern.compile("\"hash\":\"[0-9a-f]{64}\"").matcher(codeItem.data()).find(),
        codeItem.data());
  }

  @Test
  void whenNothingIsAutoVerifiedThenNoCodeIsSentAndResendIsRefused() throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = clientOf(poolId);

    SignUpResponse response = signUp(clientId, "jane", attr("email", "jane@example.com"));

    assertNull(response.codeDeliveryDetails());
    assertTrue(server.messages(poolId, null).isEmpty());
    Expect.error(
        InvalidParameterException.class,
        "Cannot resend codes. Auto verification not turned on.",
        () -> cognito.resendConfirmationCode(b -> b.clientId(clientId).username("jane")));
  }

  @Test
  void whenACodeIsResentThenTheNewOneWorksAndTheOldOneNoLonger() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));
    String first = server.lastCode(poolId, "jane");

    var resent =
        cognito.resendConfirmationCode(
            b -> b.clientId(clientId).username("jane").clientMetadata(Map.of("step", "resend")));
    assertEquals("j***@e***", resent.codeDeliveryDetails().destination());
    JsonNode last = server.messages(poolId, "jane").get(1);
    assertEquals("CustomMessage_ResendCode", last.get("triggerSource").asText());
    assertEquals("resend", last.get("clientMetadata").get("step").asText());
    String second = last.get("code").asText();

    if (!first.equals(second)) {
      Expect.error(
          CodeMismatchException.class,
          "Invalid verification code",
          () -> confirm(clientId, "jane", first));
    }
    confirm(clientId, "jane", second);
    Expect.error(
        InvalidParameterException.class,
        "User is already confirmed.",
        () -> cognito.resendConfirmationCode(b -> b.clientId(clientId).username("jane")));
  }

  @Test
  void whenCodesAreResentTooOftenThenLimitExceeded() {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));
    for (int i = 0; i < 4; i++) {
      cognito.resendConfirmationCode(b -> b.clientId(clientId).username("jane"));
    }
    Expect.error(
        LimitExceededException.class,
        "Attempt limit exceeded, please try after some time.",
        () -> cognito.resendConfirmationCode(b -> b.clientId(clientId).username("jane")));
  }

  @Test
  void whenTheUserIsUnknownThenResendAnswersByPreventUserExistenceErrors() {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String legacy = clientOf(poolId);
    String enabled =
        SignInFixtures.client(
                cognito,
                poolId,
                b -> b.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
            .clientId();

    Expect.error(
        UserNotFoundException.class,
        "Username/client id combination not found.",
        () -> cognito.resendConfirmationCode(b -> b.clientId(legacy).username("ghost")));
    var simulated =
        cognito.resendConfirmationCode(b -> b.clientId(enabled).username("ghost@example.com"));
    assertEquals("g***@e***", simulated.codeDeliveryDetails().destination());
    Expect.error(
        UserNotFoundException.class,
        "Username/client id combination not found.",
        () -> confirm(legacy, "ghost", "123456"));
  }

  @Test
  void whenTheUsernameIsTakenThenUsernameExists() {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));

    Expect.error(
        UsernameExistsException.class,
        "User already exists",
        () -> signUp(clientId, "jane", attr("email", "other@example.com")));
  }

  @Test
  void whenThePasswordBreaksThePolicyThenInvalidPasswordAndNoUser() {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);

    Expect.error(
        InvalidPasswordException.class,
        "Password did not conform with policy",
        () -> cognito.signUp(b -> b.clientId(clientId).username("jane").password("weakpassword")));
    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane")));
  }

  @Test
  void whenOnlyAdminsMayCreateUsersThenSignUpIsNotAuthorized() {
    String poolId =
        SignInFixtures.pool(
            cognito, b -> b.adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(true)));
    String clientId = clientOf(poolId);
    Expect.error(
        NotAuthorizedException.class,
        "SignUp is not permitted for this user pool",
        () -> signUp(clientId, "jane"));
  }

  @Test
  void whenTheClientHasASecretThenSignUpNeedsTheRightSecretHash() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    var client = SignInFixtures.client(cognito, poolId, b -> b.generateSecret(true));
    String clientId = client.clientId();

    Expect.error(
        NotAuthorizedException.class,
        "Client " + clientId + " is configured for secret but secret was not received",
        () -> signUp(clientId, "jane"));
    Expect.error(
        NotAuthorizedException.class,
        "Unable to verify secret hash for client " + clientId,
        () ->
            cognito.signUp(
                b -> b.clientId(clientId).username("jane").password(PASSWORD).secretHash("AAAA")));

    String hash = SignInFixtures.secretHash(client.clientSecret(), "jane", clientId);
    cognito.signUp(
        b ->
            b.clientId(clientId)
                .username("jane")
                .password(PASSWORD)
                .secretHash(hash)
                .userAttributes(attr("email", "jane@example.com")));
    String code = server.lastCode(poolId, "jane");
    cognito.confirmSignUp(
        b -> b.clientId(clientId).username("jane").confirmationCode(code).secretHash(hash));
    assertEquals(UserStatusType.CONFIRMED, status(poolId, "jane"));
  }

  @Test
  void whenAnAdminConfirmsThenTheUserIsConfirmedWithoutVerifiedAttributes() throws Exception {
    String poolId = poolWithAutoVerified(VerifiedAttributeType.EMAIL);
    String clientId = clientOf(poolId);
    signUp(clientId, "jane", attr("email", "jane@example.com"));
    String code = server.lastCode(poolId, "jane");

    cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username("jane"));

    assertEquals(UserStatusType.CONFIRMED, status(poolId, "jane"));
    assertFalse("true".equals(attributes(poolId, "jane").get("email_verified")));
    Expect.error(
        NotAuthorizedException.class,
        "User cannot be confirmed. Current status is CONFIRMED",
        () -> cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username("jane")));
    Expect.error(
        NotAuthorizedException.class,
        "Current status is CONFIRMED",
        () -> confirm(clientId, "jane", code));
  }

  @Test
  void whenTheVerifiedEmailBelongsToAnotherUserThenAliasExistsUnlessForced() throws Exception {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .aliasAttributes(AliasAttributeType.EMAIL));
    String clientId = clientOf(poolId);
    signUp(clientId, "first", attr("email", "same@example.com"));
    confirm(clientId, "first", server.lastCode(poolId, "first"));
    signUp(clientId, "second", attr("email", "same@example.com"));
    String code = server.lastCode(poolId, "second");

    Expect.error(
        AliasExistsException.class,
        "An account with the email already exists.",
        () -> confirm(clientId, "second", code));
    assertEquals(UserStatusType.UNCONFIRMED, status(poolId, "second"));

    cognito.confirmSignUp(
        b ->
            b.clientId(clientId)
                .username("second")
                .confirmationCode(code)
                .forceAliasCreation(true));
    assertEquals(UserStatusType.CONFIRMED, status(poolId, "second"));
    assertEquals("true", attributes(poolId, "second").get("email_verified"));
    assertEquals("false", attributes(poolId, "first").get("email_verified"));
  }

  static String otherThan(String code) {
    return code.equals("000000") ? "000001" : "000000";
  }
}
