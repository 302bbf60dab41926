package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * GetUserAttributeVerificationCode, VerifyUserAttribute, and the codes UpdateUserAttributes and
 * AdminUpdateUserAttributes send, through the AWS SDK; codes from the outbox.
 */
class AttributeVerificationIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2025-03-01T08:00:00Z"));

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  /**
   * A pool, a client, and a CONFIRMED user "jane" with these attributes; returns {poolId,
   * clientId}.
   */
  private String[] setUp(
      Consumer<CreateUserPoolRequest.Builder> settings, AttributeType... attributes) {
    String poolId = SignInFixtures.pool(cognito, settings);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "jane", attributes);
    return new String[] {poolId, clientId};
  }

  private String token(String clientId, String username) {
    return SignInFixtures.passwordSignIn(cognito, clientId, username, PASSWORD)
        .authenticationResult()
        .accessToken();
  }

  private Map<String, String> attributes(String poolId, String username) {
    return cognito
        .adminGetUser(b -> b.userPoolId(poolId).username(username))
        .userAttributes()
        .stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  private CodeDeliveryDetailsType requestCode(String token, String attribute) {
    return cognito
        .getUserAttributeVerificationCode(
            b ->
                b.accessToken(token)
                    .attributeName(attribute)
                    .clientMetadata(Map.of("screen", "profile")))
        .codeDeliveryDetails();
  }

  private void verify(String token, String attribute, String code) {
    cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName(attribute).code(code));
  }

  private static String otherThan(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  @Test
  void whenAnEmailCodeIsRequestedThenItIsSentAndVerifyUserAttributeMarksTheEmailVerified()
      throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"));
    String token = token(p[1], "jane");

    CodeDeliveryDetailsType details = requestCode(token, "email");

    assertEquals("j***@e***", details.destination());
    assertEquals("EMAIL", details.deliveryMediumAsString());
    assertEquals("email", details.attributeName());
    List<JsonNode> messages = server.messages(p[0], "jane");
    assertEquals(1, messages.size());
    JsonNode m = messages.get(0);
    assertEquals("CustomMessage_VerifyUserAttribute", m.get("triggerSource").asText());
    assertEquals("jane@example.com", m.get("destination").asText());
    assertEquals("profile", m.get("clientMetadata").get("screen").asText());
    assertEquals(
        "Your verification code is " + m.get("code").asText() + ". ", m.get("message").asText());
    assertFalse("true".equals(attributes(p[0], "jane").get("email_verified")));

    verify(token, "email", m.get("code").asText());

    assertEquals("true", attributes(p[0], "jane").get("email_verified"));
  }

  @Test
  void whenAPhoneCodeIsRequestedThenItGoesBySms() throws Exception {
    String[] p = setUp(b -> {}, attr("phone_number", "+15555550123"));
    String token = token(p[1], "jane");

    CodeDeliveryDetailsType details = requestCode(token, "phone_number");

    assertEquals("+*******0123", details.destination());
    assertEquals("SMS", details.deliveryMediumAsString());
    verify(token, "phone_number", server.lastCode(p[0], "jane"));
    assertEquals("true", attributes(p[0], "jane").get("phone_number_verified"));
  }

  @Test
  void whenTheCodeIsWrongThenCodeMismatchAndWhenReusedThenExpiredCode() throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"));
    String token = token(p[1], "jane");
    requestCode(token, "email");
    String code = server.lastCode(p[0], "jane");

    Expect.error(
        CodeMismatchException.class,
        "Invalid verification code provided, please try again.",
        () -> verify(token, "email", otherThan(code)));
    assertNull(attributes(p[0], "jane").get("email_verified"));
    verify(token, "email", code);
    Expect.error(
        ExpiredCodeException.class,
        "Invalid code provided, please request a code again.",
        () -> verify(token, "email", code));
  }

  @Test
  void whenTheCodeHasExpiredThenExpiredCode() throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"));
    requestCode(token(p[1], "jane"), "email");
    String code = server.lastCode(p[0], "jane");

    CLOCK.advance(Duration.ofHours(24).plusSeconds(1));
    String fresh = token(p[1], "jane");

    Expect.error(
        ExpiredCodeException.class,
        "Invalid code provided, please request a code again.",
        () -> verify(fresh, "email", code));
  }

  @Test
  void whenANewCodeIsRequestedThenTheOldOneStopsWorking() throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"));
    String token = token(p[1], "jane");
    requestCode(token, "email");
    String first = server.lastCode(p[0], "jane");
    requestCode(token, "email");
    String second = server.lastCode(p[0], "jane");
    if (!first.equals(second)) {
      Expect.error(
          CodeMismatchException.class,
          "Invalid verification code",
          () -> verify(token, "email", first));
    }
    verify(token, "email", second);
  }

  @Test
  void whenTheCodeOfAnotherAttributeIsGivenThenItDoesNotVerify() throws Exception {
    String[] p =
        setUp(b -> {}, attr("email", "jane@example.com"), attr("phone_number", "+15555550123"));
    String token = token(p[1], "jane");
    requestCode(token, "email");
    String emailCode = server.lastCode(p[0], "jane");

    Expect.error(
        ExpiredCodeException.class,
        "Invalid code provided, please request a code again.",
        () -> verify(token, "phone_number", emailCode));
    requestCode(token, "phone_number");
    String phoneCode = server.lastCode(p[0], "jane");
    if (!phoneCode.equals(emailCode)) {
      Expect.error(
          CodeMismatchException.class,
          "Invalid verification code",
          () -> verify(token, "phone_number", emailCode));
    }
    assertNull(attributes(p[0], "jane").get("phone_number_verified"));
    verify(token, "email", emailCode); // still the email's
    assertEquals("true", attributes(p[0], "jane").get("email_verified"));
  }

  @Test
  void whenMoreThanFiveCodesAreRequestedInAnHourThenLimitExceeded() throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"));
    String token = token(p[1], "jane");
    for (int i = 0; i < 5; i++) {
      requestCode(token, "email");
    }
    Expect.error(
        LimitExceededException.class,
        "Attempt limit exceeded, please try after some time.",
        () -> requestCode(token, "email"));
    assertEquals(5, server.messages(p[0], "jane").size());

    CLOCK.advance(Duration.ofMinutes(61));
    requestCode(token(p[1], "jane"), "email");
  }

  @Test
  void whenFifteenWrongCodesWereGivenThenEvenTheRightOneGetsLimitExceeded() throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"));
    String token = token(p[1], "jane");
    requestCode(token, "email");
    String code = server.lastCode(p[0], "jane");
    for (int i = 0; i < 15; i++) {
      Expect.error(
          CodeMismatchException.class,
          "Invalid verification code",
          () -> verify(token, "email", otherThan(code)));
    }
    Expect.error(
        LimitExceededException.class,
        "Attempt limit exceeded, please try after some time.",
        () -> verify(token, "email", code));
  }

  @Test
  void whenAnAdminResetThePasswordThenTheStillValidTokenGetsNoCode() throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"), attr("email_verified", "true"));
    String token = token(p[1], "jane");
    cognito.adminResetUserPassword(b -> b.userPoolId(p[0]).username("jane"));
    int sent = server.messages(p[0], "jane").size();
    Expect.error(
        PasswordResetRequiredException.class,
        "Password reset required for the user",
        () -> requestCode(token, "email"));
    assertEquals(sent, server.messages(p[0], "jane").size());
  }

  @Test
  void whenTheAttributeCannotBeVerifiedOrHasNoValueThenInvalidParameterWithCognitosTexts() {
    String[] p = setUp(b -> {}, attr("name", "Jane"));
    String token = token(p[1], "jane");

    Expect.error(
        InvalidParameterException.class,
        "Invalid attribute name. Only phone_number and email can be verified.",
        () -> requestCode(token, "name"));
    Expect.error(
        InvalidParameterException.class,
        "User does not have a valid registered email address",
        () -> requestCode(token, "email"));
    Expect.error(
        InvalidParameterException.class,
        "User does not have a valid registered phone number",
        () -> requestCode(token, "phone_number"));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> requestCode("garbage", "email"));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> verify("garbage", "email", "123456"));
  }

  @Test
  void whenTheEmailIsAlreadyVerifiedThenANewCodeIsStillSent() throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"), attr("email_verified", "true"));
    String token = token(p[1], "jane");
    assertEquals("email", requestCode(token, "email").attributeName());
    verify(token, "email", server.lastCode(p[0], "jane"));
    assertEquals("true", attributes(p[0], "jane").get("email_verified"));
  }

  @Test
  void
      whenTheUserChangesAnAutoVerifiedEmailThenACodeGoesToTheNewOneWhichIsUnverifiedUntilConfirmed()
          throws Exception {
    String[] p =
        setUp(
            b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
            attr("email", "jane@example.com"),
            attr("email_verified", "true"));
    String token = token(p[1], "jane");

    UpdateUserAttributesResponse response =
        cognito.updateUserAttributes(
            b ->
                b.accessToken(token)
                    .userAttributes(attr("email", "jane@example.org"))
                    .clientMetadata(Map.of("screen", "settings")));

    assertEquals(1, response.codeDeliveryDetailsList().size());
    CodeDeliveryDetailsType details = response.codeDeliveryDetailsList().get(0);
    assertEquals("j***@e***", details.destination());
    assertEquals("EMAIL", details.deliveryMediumAsString());
    assertEquals("email", details.attributeName());
    Map<String, String> now = attributes(p[0], "jane");
    assertEquals("jane@example.org", now.get("email"));
    assertEquals("false", now.get("email_verified"));
    JsonNode m = server.messages(p[0], "jane").get(0);
    assertEquals("CustomMessage_UpdateUserAttribute", m.get("triggerSource").asText());
    assertEquals("jane@example.org", m.get("destination").asText());
    assertEquals("settings", m.get("clientMetadata").get("screen").asText());

    verify(token, "email", m.get("code").asText());
    assertEquals("true", attributes(p[0], "jane").get("email_verified"));
  }

  @Test
  void whenTheChangedAttributeIsNotAutoVerifiedThenNoCodeIsSent() throws Exception {
    String[] p = setUp(b -> {}, attr("email", "jane@example.com"));
    String token = token(p[1], "jane");
    UpdateUserAttributesResponse response =
        cognito.updateUserAttributes(
            b -> b.accessToken(token).userAttributes(attr("email", "jane@example.org")));
    assertTrue(response.codeDeliveryDetailsList().isEmpty());
    assertTrue(server.messages(p[0], "jane").isEmpty());
  }

  @Test
  void whenVerificationBeforeUpdateIsRequiredThenTheOldEmailStaysUntilTheNewOneIsVerified()
      throws Exception {
    String[] p =
        setUp(
            b ->
                b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .userAttributeUpdateSettings(
                        u -> u.attributesRequireVerificationBeforeUpdateWithStrings("email")),
            attr("email", "jane@example.com"),
            attr("email_verified", "true"));
    String token = token(p[1], "jane");

    UpdateUserAttributesResponse response =
        cognito.updateUserAttributes(
            b -> b.accessToken(token).userAttributes(attr("email", "jane@example.org")));

    assertEquals("j***@e***", response.codeDeliveryDetailsList().get(0).destination());
    Map<String, String> before = attributes(p[0], "jane");
    assertEquals("jane@example.com", before.get("email"));
    assertEquals("true", before.get("email_verified"));
    assertEquals(
        "jane@example.org", server.messages(p[0], "jane").get(0).get("destination").asText());
    // A code asked for now goes to the pending value too, and replaces the first one.
    assertEquals("j***@e***", requestCode(token, "email").destination());
    assertEquals(
        "jane@example.org", server.messages(p[0], "jane").get(1).get("destination").asText());

    verify(token, "email", server.lastCode(p[0], "jane"));

    Map<String, String> after = attributes(p[0], "jane");
    assertEquals("jane@example.org", after.get("email"));
    assertEquals("true", after.get("email_verified"));
    assertEquals("j***@e***", requestCode(token, "email").destination());
  }

  @Test
  void whenAnotherUserHoldsTheVerifiedAliasThenAliasExistsAndTheEmailStaysUnverified()
      throws Exception {
    String[] p =
        setUp(
            b ->
                b.aliasAttributes(AliasAttributeType.EMAIL)
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
            attr("email", "jane@example.com"));
    SignInFixtures.confirmedUser(
        cognito,
        p[0],
        "owner",
        attr("email", "shared@example.com"),
        attr("email_verified", "true"));
    String token = token(p[1], "jane");
    cognito.updateUserAttributes(
        b -> b.accessToken(token).userAttributes(attr("email", "shared@example.com")));
    String code = server.lastCode(p[0], "jane");

    Expect.error(
        AliasExistsException.class,
        "An account with the email already exists.",
        () -> verify(token, "email", code));

    assertEquals("false", attributes(p[0], "jane").get("email_verified"));
    assertEquals("true", attributes(p[0], "owner").get("email_verified"));
  }

  @Test
  void whenAnAdminChangesAnAutoVerifiedEmailThenACodeIsSentUnlessTheCallVerifiesIt()
      throws Exception {
    String[] p =
        setUp(
            b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
            attr("email", "jane@example.com"));

    cognito.adminUpdateUserAttributes(
        b ->
            b.userPoolId(p[0])
                .username("jane")
                .userAttributes(attr("email", "jane@example.org"))
                .clientMetadata(Map.of("by", "admin")));

    List<JsonNode> messages = server.messages(p[0], "jane");
    assertEquals(1, messages.size());
    assertEquals(
        "CustomMessage_UpdateUserAttribute", messages.get(0).get("triggerSource").asText());
    assertEquals("jane@example.org", messages.get(0).get("destination").asText());
    assertEquals("admin", messages.get(0).get("clientMetadata").get("by").asText());
    verify(token(p[1], "jane"), "email", messages.get(0).get("code").asText());
    assertEquals("true", attributes(p[0], "jane").get("email_verified"));

    cognito.adminUpdateUserAttributes(
        b ->
            b.userPoolId(p[0])
                .username("jane")
                .userAttributes(attr("email", "jane@example.net"), attr("email_verified", "true")));
    assertEquals(1, server.messages(p[0], "jane").size());
    assertEquals("jane@example.net", attributes(p[0], "jane").get("email"));
  }
}
