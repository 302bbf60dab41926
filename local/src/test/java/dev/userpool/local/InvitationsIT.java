package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * AdminCreateUser invitations (mediums, InviteMessageTemplate, the temporary password that then
 * signs in, RESEND, SUPPRESS) and the triggers of the attribute and recovery operations
 * (CustomMessage_AdminCreateUser, PreSignUp_AdminCreateUser, CustomMessage_UpdateUserAttribute /
 * _VerifyUserAttribute with ClientMetadata, UserMigration_ForgotPassword), invoked over the wire at
 * an Invoke endpoint this test serves.
 */
class InvitationsIT {
  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort().withLambdaEndpoint(lambda.endpoint()));

  private final CognitoIdentityProviderClient cognito = server.client();

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private static final AttributeType EMAIL = attr("email", "bob@example.com");
  private static final AttributeType PHONE = attr("phone_number", "+15555550199");

  private String pool(Consumer<CreateUserPoolRequest.Builder> settings) {
    return SignInFixtures.pool(cognito, settings);
  }

  private static void developerEmail(CreateUserPoolRequest.Builder b) {
    b.emailConfiguration(
        e ->
            e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                .from("no-reply@example.com")
                .sourceArn("arn:aws:ses:us-east-1:123456789012:identity/example.com"));
  }

  private InitiateAuthResponse signIn(String poolId, String username, String password) {
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    return SignInFixtures.passwordSignIn(cognito, clientId, username, password);
  }

  @Test
  void whenEmailIsDesiredThenTheTemplateCarriesTheUsernameAndTheTemporaryPasswordThatSignsIn()
      throws Exception {
    String poolId =
        pool(
            b -> {
              developerEmail(b);
              b.adminCreateUserConfig(
                  a ->
                      a.inviteMessageTemplate(
                          t ->
                              t.emailSubject("Welcome aboard")
                                  .emailMessage("Hello {username}, your password is {####}")
                                  .smsMessage("{username} / {####}")));
            });

    AdminCreateUserResponse response =
        cognito.adminCreateUser(
            b ->
                b.userPoolId(poolId)
                    .username("bob")
                    .userAttributes(EMAIL, PHONE)
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL));

    assertEquals("bob", response.user().username());
    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, response.user().userStatus());
    List<JsonNode> messages = server.messages(poolId, "bob");
    assertEquals(1, messages.size());
    JsonNode m = messages.get(0);
    String temporary = m.get("code").asText();
    assertEquals("EMAIL", m.get("deliveryMedium").asText());
    assertEquals("bob@example.com", m.get("destination").asText());
    assertEquals("CustomMessage_AdminCreateUser", m.get("triggerSource").asText());
    assertEquals("Welcome aboard", m.get("subject").asText());
    assertEquals("Hello bob, your password is " + temporary, m.get("message").asText());

    InitiateAuthResponse auth = signIn(poolId, "bob", temporary);
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, auth.challengeName());
  }

  @Test
  void whenNoMediumIsGivenThenTheInvitationGoesBySmsWithTheDefaultText() throws Exception {
    String poolId = pool(b -> {});
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .userAttributes(EMAIL, PHONE)
                .temporaryPassword("Temp#Pass1234"));

    List<JsonNode> messages = server.messages(poolId, "bob");
    assertEquals(1, messages.size());
    assertEquals("SMS", messages.get(0).get("deliveryMedium").asText());
    assertEquals("+15555550199", messages.get(0).get("destination").asText());
    assertEquals(
        "Your username is bob and temporary password is Temp#Pass1234. ",
        messages.get(0).get("message").asText());
  }

  @Test
  void whenBothMediumsAreDesiredThenBothAreSentWithTheDefaultSubject() throws Exception {
    String poolId = pool(b -> {});
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .userAttributes(EMAIL, PHONE)
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL, DeliveryMediumType.SMS));

    List<JsonNode> messages = server.messages(poolId, "bob");
    assertEquals(
        List.of("EMAIL", "SMS"),
        messages.stream().map(m -> m.get("deliveryMedium").asText()).toList());
    assertEquals("Your temporary password", messages.get(0).get("subject").asText());
    assertEquals(messages.get(0).get("code").asText(), messages.get(1).get("code").asText());
  }

  @Test
  void whenSuppressedThenNothingIsSent() throws Exception {
    String poolId = pool(b -> {});
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .userAttributes(EMAIL, PHONE)
                .messageAction(MessageActionType.SUPPRESS));
    assertTrue(server.messages(poolId, "bob").isEmpty());
  }

  @Test
  void whenResentThenANewTemporaryPasswordIsSentAndTheOldOneStopsWorking() throws Exception {
    String poolId = pool(b -> {});
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .userAttributes(EMAIL)
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
    String first = server.lastCode(poolId, "bob");

    AdminCreateUserResponse again =
        cognito.adminCreateUser(
            b ->
                b.userPoolId(poolId)
                    .username("bob")
                    .messageAction(MessageActionType.RESEND)
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL));

    assertEquals("bob", again.user().username());
    List<JsonNode> messages = server.messages(poolId, "bob");
    assertEquals(2, messages.size());
    String second = messages.get(1).get("code").asText();
    assertFalse(first.equals(second));
    Expect.error(
        NotAuthorizedException.class,
        "Incorrect username or password.",
        () -> signIn(poolId, "bob", first));
    assertEquals(
        ChallengeNameType.NEW_PASSWORD_REQUIRED, signIn(poolId, "bob", second).challengeName());
  }

  @Test
  void whenCustomMessageAnswersThenItsInvitationIsSentAndPreSignUpGotTheClientMetadata()
      throws Exception {
    lambda.respond("custom", r -> r.put("smsMessage", "Hi {username}! Password: {####}"));
    lambda.allow("pre");
    String poolId =
        pool(
            b ->
                b.lambdaConfig(
                    l ->
                        l.customMessage(FakeLambda.arn("custom"))
                            .preSignUp(FakeLambda.arn("pre"))));

    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .userAttributes(PHONE)
                .clientMetadata(Map.of("team", "blue"))
                .validationData(attr("ticket", "42")));

    JsonNode pre = lambda.lastEvent("pre");
    assertEquals("PreSignUp_AdminCreateUser", pre.get("triggerSource").asText());
    assertEquals("blue", pre.path("request").path("clientMetadata").path("team").asText());
    assertEquals("42", pre.path("request").path("validationData").path("ticket").asText());
    JsonNode custom = lambda.lastEvent("custom");
    assertEquals("CustomMessage_AdminCreateUser", custom.get("triggerSource").asText());
    assertEquals("{####}", custom.path("request").path("codeParameter").asText());
    assertEquals("{username}", custom.path("request").path("usernameParameter").asText());
    assertEquals(
        "+15555550199",
        custom.path("request").path("userAttributes").path("phone_number").asText());
    JsonNode m = server.messages(poolId, "bob").get(0);
    assertEquals("Hi bob! Password: " + m.get("code").asText(), m.get("message").asText());
  }

  @Test
  void whenTheInvitationCannotBeSentThenNoUserIsLeftBehind() throws Exception {
    lambda.function("custom", e -> FakeLambda.Answer.functionError("No invitations today"));
    String poolId = pool(b -> b.lambdaConfig(l -> l.customMessage(FakeLambda.arn("custom"))));

    Expect.error(
        UserLambdaValidationException.class,
        "CustomMessage failed with error No invitations today.",
        () ->
            cognito.adminCreateUser(
                b -> b.userPoolId(poolId).username("bob").userAttributes(PHONE)));

    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("bob")));
    assertTrue(server.messages(poolId, "bob").isEmpty());
  }

  @Test
  void whenAttributeCodesAreSentThenCustomMessageGetsTheirSourcesAndClientMetadata()
      throws Exception {
    lambda.respond("custom", r -> r.put("smsMessage", "Code for your phone: {####}"));
    String poolId =
        pool(
            b ->
                b.autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
                    .lambdaConfig(l -> l.customMessage(FakeLambda.arn("custom"))));
    SignInFixtures.confirmedUser(cognito, poolId, "bob", PHONE);
    String token = signIn(poolId, "bob", PASSWORD).authenticationResult().accessToken();

    cognito.updateUserAttributes(
        b ->
            b.accessToken(token)
                .userAttributes(attr("phone_number", "+15555550100"))
                .clientMetadata(Map.of("step", "update")));
    JsonNode update = lambda.lastEvent("custom");
    assertEquals("CustomMessage_UpdateUserAttribute", update.get("triggerSource").asText());
    assertEquals("update", update.path("request").path("clientMetadata").path("step").asText());

    cognito.getUserAttributeVerificationCode(
        b ->
            b.accessToken(token)
                .attributeName("phone_number")
                .clientMetadata(Map.of("step", "resend")));
    JsonNode verify = lambda.lastEvent("custom");
    assertEquals("CustomMessage_VerifyUserAttribute", verify.get("triggerSource").asText());
    assertEquals("resend", verify.path("request").path("clientMetadata").path("step").asText());

    List<JsonNode> messages = server.messages(poolId, "bob");
    JsonNode last = messages.get(messages.size() - 1);
    assertEquals("+15555550100", last.get("destination").asText());
    assertEquals("Code for your phone: " + last.get("code").asText(), last.get("message").asText());
    cognito.verifyUserAttribute(
        b -> b.accessToken(token).attributeName("phone_number").code(last.get("code").asText()));
  }

  @Test
  void whenForgotPasswordNamesAnUnknownUserThenUserMigrationCreatesItAndTheCodeResetsThePassword()
      throws Exception {
    lambda.respond(
        "migrate",
        r ->
            r.putObject("userAttributes")
                .put("email", "legacy@example.com")
                .put("email_verified", "true"));
    String poolId = pool(b -> b.lambdaConfig(l -> l.userMigration(FakeLambda.arn("migrate"))));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    ForgotPasswordResponse response =
        cognito.forgotPassword(
            b ->
                b.clientId(clientId)
                    .username("legacy")
                    .clientMetadata(Map.of("from", "old-system")));

    assertEquals("l***@e***", response.codeDeliveryDetails().destination());
    JsonNode event = lambda.lastEvent("migrate");
    assertEquals("UserMigration_ForgotPassword", event.get("triggerSource").asText());
    assertEquals("legacy", event.get("userName").asText());
    assertFalse(event.path("request").hasNonNull("password"));
    assertEquals("old-system", event.path("request").path("clientMetadata").path("from").asText());
    assertEquals(
        UserStatusType.RESET_REQUIRED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("legacy")).userStatus());

    String code = server.lastCode(poolId, "legacy");
    cognito.confirmForgotPassword(
        b -> b.clientId(clientId).username("legacy").confirmationCode(code).password(PASSWORD));
    assertTrue(
        signIn(poolId, "legacy", PASSWORD).authenticationResult().accessToken().length() > 0);
  }

  @Test
  void whenUserMigrationKnowsNobodyThenForgotPasswordAnswersUserNotFound() {
    lambda.allow("migrate");
    String poolId = pool(b -> b.lambdaConfig(l -> l.userMigration(FakeLambda.arn("migrate"))));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    Expect.error(
        UserNotFoundException.class,
        "Username/client id combination not found.",
        () -> cognito.forgotPassword(b -> b.clientId(clientId).username("ghost")));
    assertEquals(
        "UserMigration_ForgotPassword", lambda.lastEvent("migrate").get("triggerSource").asText());
  }
}
