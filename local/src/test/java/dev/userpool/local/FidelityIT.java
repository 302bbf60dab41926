package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NumberAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The answers of issue 8, each as real Cognito gave it (sources in docs/fidelity.md and the corpus
 * in functions/src/test/resources/fidelity/), through the AWS SDK v2 client: exact exception type,
 * status and message.
 */
class FidelityIT {
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

  /**
   * Asserts Cognito's exact answer: SDK exception type, HTTP 400, __type (error code) and message.
   */
  private static <T extends AwsServiceException> void expect(
      Class<T> type,
      String errorType,
      String message,
      org.junit.jupiter.api.function.Executable call) {
    T e = assertThrows(type, call);
    assertEquals(400, e.statusCode());
    assertEquals(errorType, e.awsErrorDetails().errorCode());
    assertEquals(message, e.awsErrorDetails().errorMessage());
  }

  private Map<String, String> attributes(String poolId, String username) {
    return cognito
        .adminGetUser(b -> b.userPoolId(poolId).username(username))
        .userAttributes()
        .stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  // 1. Masking
  // ------------------------------------------------------------------------------------------------

  @Test
  void whenSignUpSendsACodeByEmailThenTheDestinationHasNoTopLevelDomain() {
    String poolId =
        SignInFixtures.pool(cognito, b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    CodeDeliveryDetailsType details =
        cognito
            .signUp(
                b ->
                    b.clientId(clientId)
                        .username("tess")
                        .password(PASSWORD)
                        .userAttributes(attr("email", "test@test.com")))
            .codeDeliveryDetails();

    assertEquals("t***@t***", details.destination());
    assertEquals("EMAIL", details.deliveryMediumAsString());
    assertEquals("email", details.attributeName());
  }

  // 1 + 2. The AWS-verified scenario: email_verified "True", then ForgotPassword
  // -------------------------------

  @Test
  void whenEmailVerifiedIsCapitalTrueThenItCountsAndIsKeptAsWritten() {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.accountRecoverySetting(
                    r ->
                        r.recoveryMechanisms(
                            m -> m.name(RecoveryOptionNameType.VERIFIED_EMAIL).priority(1))));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("tess")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attr("email", "test@test.com"), attr("email_verified", "True")));
    cognito.adminSetUserPassword(
        b -> b.userPoolId(poolId).username("tess").password(PASSWORD).permanent(true));

    CodeDeliveryDetailsType details =
        cognito.forgotPassword(b -> b.clientId(clientId).username("tess")).codeDeliveryDetails();

    assertEquals("t***@t***", details.destination());
    assertEquals("EMAIL", details.deliveryMediumAsString());
    assertEquals("email", details.attributeName());
    assertEquals("True", attributes(poolId, "tess").get("email_verified"));
  }

  @Test
  void whenVerifiedFlagsAreUpperCaseInUpdatesThenTheyAreAccepted() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "vic", attr("email", "vic@example.com"));

    cognito.adminUpdateUserAttributes(
        b ->
            b.userPoolId(poolId)
                .username("vic")
                .userAttributes(
                    attr("email_verified", "TRUE"),
                    attr("phone_number", "+15555550100"),
                    attr("phone_number_verified", "False")));
    String token =
        SignInFixtures.passwordSignIn(cognito, clientId, "vic", PASSWORD)
            .authenticationResult()
            .accessToken();
    cognito.updateUserAttributes(
        b ->
            b.accessToken(token)
                .userAttributes(attr("name", "Vic"), attr("phone_number_verified", "FALSE")));

    Map<String, String> a = attributes(poolId, "vic");
    assertEquals("TRUE", a.get("email_verified"));
    assertEquals("FALSE", a.get("phone_number_verified"));
    assertEquals("Vic", a.get("name"));
    // TRUE counts as verified: the reset code goes to the email.
    assertEquals(
        "v***@e***",
        cognito
            .forgotPassword(b -> b.clientId(clientId).username("vic"))
            .codeDeliveryDetails()
            .destination());
  }

  @Test
  void whenAUserMigrationAnswerSaysEmailVerifiedTrueThenTheMigratedUserGetsTheResetCodeByEmail() {
    lambda.respond(
        "migrate",
        response -> {
          response
              .putObject("userAttributes")
              .put("email", "carol@example.com")
              .put("email_verified", "True");
          response.put("messageAction", "SUPPRESS");
          return response;
        });
    String poolId =
        SignInFixtures.pool(
            cognito, b -> b.lambdaConfig(c -> c.userMigration(FakeLambda.arn("migrate"))));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    CodeDeliveryDetailsType details =
        cognito.forgotPassword(b -> b.clientId(clientId).username("carol")).codeDeliveryDetails();

    assertEquals("c***@e***", details.destination());
    assertEquals("email", details.attributeName());
    assertEquals("True", attributes(poolId, "carol").get("email_verified"));
    assertEquals(
        UserStatusType.RESET_REQUIRED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("carol")).userStatus());
  }

  // 3. Standard attributes keep their type
  // -------------------------------------------------------------------

  @Test
  void whenAStandardAttributeIsGivenAnotherTypeOrMadeDeveloperOnlyThenInvalidParameter() {
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute "
            + "email_verified",
        () ->
            cognito.createUserPool(
                b ->
                    b.poolName("p")
                        .schema(
                            SchemaAttributeType.builder()
                                .name("email_verified")
                                .attributeDataType(AttributeDataType.STRING)
                                .build())));
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email",
        () ->
            cognito.createUserPool(
                b ->
                    b.poolName("p")
                        .schema(
                            SchemaAttributeType.builder()
                                .name("email")
                                .attributeDataType(AttributeDataType.STRING)
                                .developerOnlyAttribute(true)
                                .build())));
    assertTrue(
        cognito.listUserPools(b -> b.maxResults(60)).userPools().isEmpty(), "no pool was created");
  }

  // 4. Custom attributes need a type
  // -------------------------------------------------------------------------

  @Test
  void whenACustomAttributeHasNoTypeThenInvalidParameter() {
    String message =
        "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.";
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        message,
        () ->
            cognito.createUserPool(
                b -> b.poolName("p").schema(SchemaAttributeType.builder().name("plan").build())));

    String poolId = SignInFixtures.pool(cognito);
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        message,
        () ->
            cognito.addCustomAttributes(
                b ->
                    b.userPoolId(poolId)
                        .customAttributes(
                            SchemaAttributeType.builder()
                                .name("tier")
                                .attributeDataType(AttributeDataType.STRING)
                                .build(),
                            SchemaAttributeType.builder().name("plan").build())));
    List<String> names =
        cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().schemaAttributes().stream()
            .map(SchemaAttributeType::name)
            .toList();
    assertTrue(
        names.stream().noneMatch(n -> n.startsWith("custom:")), "nothing was added: " + names);
  }

  // 5. Constraints on standard attributes
  // --------------------------------------------------------------------

  @Test
  void whenStandardAttributeConstraintsAreInvalidThenInvalidParameter() {
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        "Invalid StringAttributeConstraints for schema attribute name",
        () ->
            createWith(
                SchemaAttributeType.builder()
                    .name("name")
                    .attributeDataType(AttributeDataType.STRING)
                    .stringAttributeConstraints(
                        StringAttributeConstraintsType.builder().maxLength("lots").build())));
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        "user.name: String attributes cannot have a length of more than 2048",
        () ->
            createWith(
                SchemaAttributeType.builder()
                    .name("name")
                    .attributeDataType(AttributeDataType.STRING)
                    .stringAttributeConstraints(
                        StringAttributeConstraintsType.builder().maxLength("2049").build())));
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        "user.nickname: Max length cannot be less than min length.",
        () ->
            createWith(
                SchemaAttributeType.builder()
                    .name("nickname")
                    .stringAttributeConstraints(
                        StringAttributeConstraintsType.builder()
                            .minLength("10")
                            .maxLength("2")
                            .build())));
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        "user.updated_at: Max value cannot be less than min value.",
        () ->
            createWith(
                SchemaAttributeType.builder()
                    .name("updated_at")
                    .attributeDataType(AttributeDataType.NUMBER)
                    .numberAttributeConstraints(
                        NumberAttributeConstraintsType.builder()
                            .minValue("9")
                            .maxValue("1")
                            .build())));
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        "Invalid NumberAttributeConstraints for schema attribute updated_at",
        () ->
            createWith(
                SchemaAttributeType.builder()
                    .name("updated_at")
                    .numberAttributeConstraints(
                        NumberAttributeConstraintsType.builder().minValue("-1").build())));
    assertTrue(
        cognito.listUserPools(b -> b.maxResults(60)).userPools().isEmpty(), "no pool was created");
  }

  private void createWith(SchemaAttributeType.Builder attribute) {
    cognito.createUserPool(b -> b.poolName("p").schema(attribute.build()));
  }

  // 6. AdminInitiateAuth does not take USER_PASSWORD_AUTH
  // ----------------------------------------------------

  @Test
  void whenAdminInitiateAuthIsAskedForUserPasswordAuthThenInitiateAuthMethodNotSupported() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "ada");

    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        "Initiate Auth method not supported.",
        () ->
            cognito.adminInitiateAuth(
                b ->
                    b.userPoolId(poolId)
                        .clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "ada", "PASSWORD", PASSWORD))));
    // The admin flow still signs in.
    assertTrue(
        cognito
                .adminInitiateAuth(
                    b ->
                        b.userPoolId(poolId)
                            .clientId(clientId)
                            .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                            .authParameters(Map.of("USERNAME", "ada", "PASSWORD", PASSWORD)))
                .authenticationResult()
            != null);
  }

  // 7. AdminResetUserPassword on an invited user
  // -------------------------------------------------------------

  @Test
  void whenAnInvitedUserWhoNeverSignedInIsResetThenNotAuthorized() throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("ivy")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attr("email", "ivy@example.com"), attr("email_verified", "true")));

    expect(
        NotAuthorizedException.class,
        "NotAuthorizedException",
        "User password cannot be reset in the current state.",
        () -> cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username("ivy")));
    assertEquals(
        UserStatusType.FORCE_CHANGE_PASSWORD,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("ivy")).userStatus());
    assertTrue(server.messages(poolId, "ivy").isEmpty(), "no code was sent");
  }

  // 8. ForgotPassword when recovery is admin_only
  // -------------------------------------------------------------

  @Test
  void whenRecoveryIsAdminOnlyThenForgotPasswordAnswersContactAdministrator() throws Exception {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.accountRecoverySetting(
                    r ->
                        r.recoveryMechanisms(
                            m -> m.name(RecoveryOptionNameType.ADMIN_ONLY).priority(1))));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(
        cognito, poolId, "amy", attr("email", "amy@example.com"), attr("email_verified", "true"));

    for (String username : List.of("amy", "nobody")) {
      expect(
          NotAuthorizedException.class,
          "NotAuthorizedException",
          "Contact administrator to reset password.",
          () -> cognito.forgotPassword(b -> b.clientId(clientId).username(username)));
    }
    assertTrue(server.messages(poolId, "amy").isEmpty(), "no code was sent");
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("amy")).userStatus());
  }

  // 9. Deleting several unknown attributes
  // -------------------------------------------------------------------

  @Test
  void whenSeveralUnknownAttributesAreDeletedThenOneErrorListsThemAll() {
    String poolId = SignInFixtures.pool(cognito);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "dan", attr("name", "Dan"));
    String expected =
        "Invalid user attributes: user.custom:nope: Attribute does not exist in the schema.\n"
            + "user.shoe_size: Attribute does not exist in the schema.\n";

    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        expected,
        () ->
            cognito.adminDeleteUserAttributes(
                b ->
                    b.userPoolId(poolId)
                        .username("dan")
                        .userAttributeNames("name", "custom:nope", "shoe_size")));
    String token =
        SignInFixtures.passwordSignIn(cognito, clientId, "dan", PASSWORD)
            .authenticationResult()
            .accessToken();
    expect(
        InvalidParameterException.class,
        "InvalidParameterException",
        expected,
        () ->
            cognito.deleteUserAttributes(
                b -> b.accessToken(token).userAttributeNames("custom:nope", "name", "shoe_size")));
    assertEquals("Dan", attributes(poolId, "dan").get("name"), "nothing was deleted");
  }
}
