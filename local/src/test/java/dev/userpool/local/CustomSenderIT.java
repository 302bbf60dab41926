package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKey;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.delivery.OutgoingMessage;
import dev.userpool.testing.MotoServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * CustomEmailSender and CustomSMSSender end to end: the local server encrypts each code with the
 * AWS Encryption SDK under a key in moto's KMS ({@code --kms-endpoint}) and hands it to a function
 * at the Invoke endpoint {@link FakeLambda} serves; the test decrypts it as a real sender function
 * would (Encryption SDK, KMS master key provider) and uses the code with the real AWS SDK client.
 * Nothing is delivered: the outbox only records the hand-over, without the code.
 */
class CustomSenderIT {
  @RegisterExtension
  @Order(1)
  static final FakeLambda lambda = new FakeLambda();

  @RegisterExtension
  @Order(2)
  static final LocalServerExtension server =
      new LocalServerExtension(
          LocalOptions.inMemoryOnFreePort()
              .withLambdaEndpoint(lambda.endpoint())
              .withKmsEndpoint(MotoServer.endpoint().toString()));

  private static KmsClient kms;
  private static String keyArn;
  private final CognitoIdentityProviderClient cognito = server.client();

  @BeforeAll
  static void key() {
    kms =
        KmsClient.builder()
            .endpointOverride(MotoServer.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    keyArn = kms.createKey(b -> b.description("custom sender codes")).keyMetadata().arn();
  }

  @AfterAll
  static void close() {
    kms.close();
  }

  /** What a sender function does with {@code request.code}: the plaintext and the context. */
  record Decrypted(String code, Map<String, String> context) {}

  private static Decrypted decrypt(ObjectNode event) {
    // A function written for Cognito: commitment is not required of the messages it decrypts.
    AwsCrypto crypto =
        AwsCrypto.builder()
            .withCommitmentPolicy(CommitmentPolicy.RequireEncryptAllowDecrypt)
            .build();
    KmsMasterKeyProvider provider =
        KmsMasterKeyProvider.builder().customRegionalClientSupplier(r -> kms).buildStrict(keyArn);
    CryptoResult<byte[], KmsMasterKey> result =
        crypto.decryptData(
            provider, Base64.getDecoder().decode(event.path("request").path("code").asText()));
    return new Decrypted(
        new String(result.getResult(), StandardCharsets.UTF_8), result.getEncryptionContext());
  }

  private String pool(VerifiedAttributeType verified, Consumer<LambdaConfigType.Builder> triggers) {
    return cognito
        .createUserPool(
            b ->
                b.poolName("senders")
                    .autoVerifiedAttributes(verified)
                    .lambdaConfig(c -> triggers.accept(c.kmsKeyID(keyArn))))
        .userPool()
        .id();
  }

  private static Consumer<LambdaConfigType.Builder> emailSender(String function) {
    return c ->
        c.customEmailSender(s -> s.lambdaVersion("V1_0").lambdaArn(FakeLambda.arn(function)))
            .customMessage(FakeLambda.arn("message"));
  }

  private static Consumer<LambdaConfigType.Builder> smsSender(String function) {
    return c ->
        c.customSMSSender(s -> s.lambdaVersion("V1_0").lambdaArn(FakeLambda.arn(function)))
            .customMessage(FakeLambda.arn("message"));
  }

  private List<OutgoingMessage> outbox(String poolId) {
    return server.server().wiring().outbox().messages(poolId, null);
  }

  private void signUp(String clientId, String username, String attribute, String value) {
    cognito.signUp(
        b ->
            b.clientId(clientId)
                .username(username)
                .password(PASSWORD)
                .userAttributes(AttributeType.builder().name(attribute).value(value).build())
                .clientMetadata(Map.of("locale", "de")));
  }

  @Test
  void signUpHandsTheEncryptedCodeToTheEmailSenderAndTheDecryptedCodeConfirms() {
    lambda.allow("email-sender");
    lambda.allow("message");
    String poolId = pool(VerifiedAttributeType.EMAIL, emailSender("email-sender"));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    signUp(clientId, "jane", "email", "jane@example.com");

    ObjectNode event = lambda.lastEvent("email-sender");
    assertEquals(List.of("Event"), lambda.invocationTypes("email-sender"));
    assertEquals("1", event.path("version").asText());
    assertEquals("CustomEmailSender_SignUp", event.path("triggerSource").asText());
    assertEquals(poolId, event.path("userPoolId").asText());
    assertEquals("jane", event.path("userName").asText());
    assertEquals(clientId, event.path("callerContext").path("clientId").asText());
    assertEquals("customEmailSenderRequestV1", event.path("request").path("type").asText());
    assertEquals(
        "jane@example.com", event.path("request").path("userAttributes").path("email").asText());
    assertEquals("de", event.path("request").path("clientMetadata").path("locale").asText());
    assertFalse(event.path("request").path("code").asText().matches("\\d{6}"));
    Decrypted code = decrypt(event);
    assertTrue(code.code().matches("\\d{6}"), code.code());
    assertEquals(poolId, code.context().get("userpool-id"));
    // The sender replaces CustomMessage, and nothing is delivered: the outbox only records the
    // hand-over, without the code.
    assertTrue(lambda.events("message").isEmpty());
    List<OutgoingMessage> outbox = outbox(poolId);
    assertEquals(1, outbox.size());
    assertEquals("CustomEmailSender_SignUp", outbox.get(0).triggerSource());
    assertEquals("jane@example.com", outbox.get(0).destination());
    assertNull(outbox.get(0).code());
    assertNull(outbox.get(0).body());

    cognito.confirmSignUp(b -> b.clientId(clientId).username("jane").confirmationCode(code.code()));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane")).userStatus());
  }

  @Test
  void smsSenderGetsSignUpAndResendCodesAndTheLatestConfirms() {
    lambda.allow("sms-sender");
    lambda.allow("message");
    String poolId = pool(VerifiedAttributeType.PHONE_NUMBER, smsSender("sms-sender"));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    signUp(clientId, "pat", "phone_number", "+15555550123");
    ObjectNode first = lambda.lastEvent("sms-sender");
    assertEquals("CustomSMSSender_SignUp", first.path("triggerSource").asText());
    assertEquals("customSMSSenderRequestV1", first.path("request").path("type").asText());
    assertEquals(
        "+15555550123", first.path("request").path("userAttributes").path("phone_number").asText());

    var resent = cognito.resendConfirmationCode(b -> b.clientId(clientId).username("pat"));
    assertEquals(DeliveryMediumType.SMS, resent.codeDeliveryDetails().deliveryMedium());
    ObjectNode second = lambda.lastEvent("sms-sender");
    assertEquals("CustomSMSSender_ResendCode", second.path("triggerSource").asText());
    String code = decrypt(second).code();

    cognito.confirmSignUp(b -> b.clientId(clientId).username("pat").confirmationCode(code));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("pat")).userStatus());
    assertTrue(lambda.events("message").isEmpty());
    assertTrue(outbox(poolId).stream().allMatch(m -> m.code() == null && m.body() == null));
    assertEquals(2, outbox(poolId).size());
  }

  @Test
  void forgotPasswordCodeGoesToTheEmailSenderAndResetsThePassword() {
    lambda.allow("email-sender");
    String poolId = pool(VerifiedAttributeType.EMAIL, emailSender("email-sender"));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("ann")
                .messageAction("SUPPRESS")
                .userAttributes(
                    AttributeType.builder().name("email").value("ann@example.com").build(),
                    AttributeType.builder().name("email_verified").value("true").build()));
    cognito.adminSetUserPassword(
        b -> b.userPoolId(poolId).username("ann").password(PASSWORD).permanent(true));

    cognito.forgotPassword(b -> b.clientId(clientId).username("ann"));
    ObjectNode event = lambda.lastEvent("email-sender");
    assertEquals("CustomEmailSender_ForgotPassword", event.path("triggerSource").asText());
    String code = decrypt(event).code();

    cognito.confirmForgotPassword(
        b -> b.clientId(clientId).username("ann").confirmationCode(code).password("N3w-Passw0rd!"));
    SignInFixtures.passwordSignIn(cognito, clientId, "ann", "N3w-Passw0rd!");
  }

  @Test
  void invitationHandsTheEscapedTemporaryPasswordToTheEmailSender() {
    lambda.allow("email-sender");
    lambda.allow("message");
    String poolId = pool(VerifiedAttributeType.EMAIL, emailSender("email-sender"));

    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("max")
                .temporaryPassword("Temp<Pass123")
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(
                    AttributeType.builder().name("email").value("max@example.com").build()));

    ObjectNode event = lambda.lastEvent("email-sender");
    assertEquals("CustomEmailSender_AdminCreateUser", event.path("triggerSource").asText());
    assertEquals("Temp&lt;Pass123", decrypt(event).code());
    assertTrue(lambda.events("message").isEmpty());
  }

  @Test
  void whatTheSenderFunctionThrowsDoesNotReachTheCaller() {
    lambda.function("email-sender", e -> FakeLambda.Answer.functionError("provider down"));
    String poolId = pool(VerifiedAttributeType.EMAIL, emailSender("email-sender"));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    signUp(clientId, "joe", "email", "joe@example.com");

    assertEquals(1, lambda.events("email-sender").size());
    assertEquals(
        UserStatusType.UNCONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("joe")).userStatus());
  }

  @Test
  void aSenderThatCannotBeInvokedFailsTheCallAsOtherTriggersDo() {
    String poolId = pool(VerifiedAttributeType.EMAIL, emailSender("no-such-function"));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    Expect.error(
        UnexpectedLambdaException.class,
        "CustomEmailSender invocation failed due to error ResourceNotFoundException.",
        () -> signUp(clientId, "kim", "email", "kim@example.com"));
    assertTrue(outbox(poolId).isEmpty());
  }

  @Test
  void aKeyKmsDoesNotHaveFailsTheCallAndInvokesNothing() {
    lambda.allow("email-sender");
    String poolId =
        cognito
            .createUserPool(
                b ->
                    b.poolName("senders")
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                        .lambdaConfig(
                            c ->
                                emailSender("email-sender")
                                    .accept(
                                        c.kmsKeyID(
                                            "arn:aws:kms:us-east-1:123456789012:key/"
                                                + "00000000-0000-0000-0000-000000000000"))))
            .userPool()
            .id();
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    Expect.error(
        UnexpectedLambdaException.class,
        "CustomEmailSender invocation failed due to error NotFoundException.",
        () -> signUp(clientId, "lee", "email", "lee@example.com"));
    assertTrue(lambda.events("email-sender").isEmpty());
  }

  @Test
  void aCustomSenderWithoutKmsKeyIdIsRefused() {
    Expect.error(
        InvalidParameterException.class,
        "KMSKeyID is required when CustomEmailSender or CustomSMSSender is configured.",
        () ->
            cognito.createUserPool(
                b ->
                    b.poolName("senders")
                        .lambdaConfig(
                            c ->
                                c.customSMSSender(
                                    s -> s.lambdaVersion("V1_0").lambdaArn(FakeLambda.arn("x"))))));
    String poolId = SignInFixtures.pool(cognito);
    Expect.error(
        InvalidParameterException.class,
        "KMSKeyID is required when CustomEmailSender or CustomSMSSender is configured.",
        () ->
            cognito.updateUserPool(
                b ->
                    b.userPoolId(poolId)
                        .lambdaConfig(
                            c ->
                                c.customEmailSender(
                                    s -> s.lambdaVersion("V1_0").lambdaArn(FakeLambda.arn("x"))))));
  }

  @Test
  void smsMfaCodeGoesToTheSmsSenderAndSignsIn() {
    lambda.allow("sms-sender");
    String poolId = pool(VerifiedAttributeType.PHONE_NUMBER, smsSender("sms-sender"));
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .smsMfaConfiguration(
                    m ->
                        m.smsConfiguration(
                            c ->
                                c.snsCallerArn("arn:aws:iam::123456789012:role/sns")
                                    .externalId("x"))));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "sid",
        AttributeType.builder().name("phone_number").value("+15555550124").build());
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("sid")
                .smsMfaSettings(m -> m.enabled(true).preferredMfa(true)));

    InitiateAuthResponse challenge =
        SignInFixtures.passwordSignIn(cognito, clientId, "sid", PASSWORD);
    assertEquals(ChallengeNameType.SMS_MFA, challenge.challengeName());
    ObjectNode event = lambda.lastEvent("sms-sender");
    assertEquals("CustomSMSSender_Authentication", event.path("triggerSource").asText());
    String code = decrypt(event).code();

    var tokens =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.SMS_MFA)
                    .session(challenge.session())
                    .challengeResponses(Map.of("USERNAME", "sid", "SMS_MFA_CODE", code)));
    assertTrue(tokens.authenticationResult().accessToken().length() > 0);
    assertTrue(lambda.events("message").isEmpty());
  }

  @Test
  void attributeCodesGoToTheEmailSenderAndVerify() {
    lambda.allow("email-sender");
    String poolId = pool(VerifiedAttributeType.EMAIL, emailSender("email-sender"));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "eve",
        AttributeType.builder().name("email").value("eve@example.com").build());
    String accessToken =
        SignInFixtures.passwordSignIn(cognito, clientId, "eve", PASSWORD)
            .authenticationResult()
            .accessToken();

    cognito.updateUserAttributes(
        b ->
            b.accessToken(accessToken)
                .userAttributes(
                    AttributeType.builder().name("email").value("eve@example.org").build()));
    ObjectNode update = lambda.lastEvent("email-sender");
    assertEquals("CustomEmailSender_UpdateUserAttribute", update.path("triggerSource").asText());
    List<OutgoingMessage> handedOver = outbox(poolId);
    assertEquals("eve@example.org", handedOver.get(handedOver.size() - 1).destination());

    cognito.getUserAttributeVerificationCode(
        b -> b.accessToken(accessToken).attributeName("email"));
    ObjectNode verify = lambda.lastEvent("email-sender");
    assertEquals("CustomEmailSender_VerifyUserAttribute", verify.path("triggerSource").asText());
    String code = decrypt(verify).code();

    cognito.verifyUserAttribute(b -> b.accessToken(accessToken).attributeName("email").code(code));
    assertTrue(
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("eve")).userAttributes().stream()
            .anyMatch(a -> a.name().equals("email_verified") && a.value().equals("true")));
  }

  @Test
  void inboundFederationIsStoredAndReturnedAsGiven() {
    String poolId =
        cognito
            .createUserPool(
                b ->
                    b.poolName("federation")
                        .lambdaConfig(
                            c ->
                                c.inboundFederation(
                                    f ->
                                        f.lambdaVersion("V1_0")
                                            .lambdaArn(FakeLambda.arn("inbound")))))
            .userPool()
            .id();
    LambdaConfigType stored =
        cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().lambdaConfig();
    assertEquals(FakeLambda.arn("inbound"), stored.inboundFederation().lambdaArn());
    assertEquals("V1_0", stored.inboundFederation().lambdaVersionAsString());
  }
}
