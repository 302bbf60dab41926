package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * SMS_MFA and EMAIL_OTP as second factors and SELECT_MFA_TYPE, through the AWS SDK v2 client; codes
 * read from the local outbox, where they arrive as every other code does
 * (CustomMessage_Authentication, the pool's texts).
 */
class MfaCodesIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  @BeforeEach
  void now() {
    CLOCK.set(Instant.now());
  }

  /** A pool offering SMS, TOTP and email codes, MfaConfiguration {@code mfa}. */
  private String pool(UserPoolMfaType mfa) {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.emailConfiguration(
                    e ->
                        e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                            .from("no-reply@example.com")
                            .sourceArn(
                                "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com")));
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(mfa)
                .smsMfaConfiguration(
                    s ->
                        s.smsAuthenticationMessage("Sign-in code {####}")
                            .smsConfiguration(
                                c ->
                                    c.snsCallerArn("arn:aws:iam::123456789012:role/sns")
                                        .externalId("x")))
                .softwareTokenMfaConfiguration(s -> s.enabled(true))
                .emailMfaConfiguration(
                    e -> e.subject("Your sign-in code").message("Use {####} to sign in")));
    return poolId;
  }

  private RespondToAuthChallengeResponse answer(
      String clientId,
      ChallengeNameType name,
      String session,
      String username,
      String codeParameter,
      String code) {
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(name)
                .session(session)
                .challengeResponses(Map.of("USERNAME", username, codeParameter, code)));
  }

  @Test
  void whenSmsMfaIsEnabledThenTheCodeGoesBySmsAndSignsInAndThePhoneIsVerified() throws Exception {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "sid", attr("phone_number", "+15555550123"));
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("sid")
                .smsMfaSettings(s -> s.enabled(true).preferredMfa(true)));

    InitiateAuthResponse challenge = passwordSignIn(cognito, clientId, "sid", PASSWORD);

    assertEquals(ChallengeNameType.SMS_MFA, challenge.challengeName());
    assertEquals("SMS", challenge.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals("+*******0123", challenge.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
    List<JsonNode> messages = server.messages(poolId, "sid");
    JsonNode sms = messages.get(messages.size() - 1);
    assertEquals("CustomMessage_Authentication", sms.get("triggerSource").asText());
    assertEquals("+15555550123", sms.get("destination").asText());
    String code = sms.get("code").asText();
    assertEquals("Sign-in code " + code, sms.get("message").asText());
    Expect.error(
        CodeMismatchException.class,
        "Invalid code or auth state for the user.",
        () ->
            answer(
                clientId,
                ChallengeNameType.SMS_MFA,
                challenge.session(),
                "sid",
                "SMS_MFA_CODE",
                code.equals("000000") ? "111111" : "000000"));

    RespondToAuthChallengeResponse tokens =
        answer(
            clientId, ChallengeNameType.SMS_MFA, challenge.session(), "sid", "SMS_MFA_CODE", code);

    assertNotNull(tokens.authenticationResult().accessToken());
    assertTrue(
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("sid")).userAttributes().stream()
            .anyMatch(a -> a.name().equals("phone_number_verified") && a.value().equals("true")));
    Expect.error(
        NotAuthorizedException.class,
        "Invalid session for the user",
        () ->
            answer(
                clientId,
                ChallengeNameType.SMS_MFA,
                challenge.session(),
                "sid",
                "SMS_MFA_CODE",
                code));
  }

  @Test
  void whenEmailOtpIsEnabledThenTheCodeGoesByEmailWithThePoolsTexts() throws Exception {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "emma", attr("email", "emma@example.com"));
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("emma")
                .emailMfaSettings(s -> s.enabled(true).preferredMfa(true)));

    InitiateAuthResponse challenge = passwordSignIn(cognito, clientId, "emma", PASSWORD);

    assertEquals(ChallengeNameType.EMAIL_OTP, challenge.challengeName());
    assertEquals("EMAIL", challenge.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals("e***@e***", challenge.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
    List<JsonNode> messages = server.messages(poolId, "emma");
    JsonNode email = messages.get(messages.size() - 1);
    assertEquals("CustomMessage_Authentication", email.get("triggerSource").asText());
    assertEquals("Your sign-in code", email.get("subject").asText());
    String code = email.get("code").asText();
    assertEquals("Use " + code + " to sign in", email.get("message").asText());
    assertNotNull(
        answer(
                clientId,
                ChallengeNameType.EMAIL_OTP,
                challenge.session(),
                "emma",
                "EMAIL_OTP_CODE",
                code)
            .authenticationResult()
            .idToken());
  }

  @Test
  void whenTwoFactorsAreEnabledAndNoneIsPreferredThenSelectMfaTypeThenTheChosenOne()
      throws Exception {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "cara",
        attr("phone_number", "+15555550199"),
        attr("email", "cara@example.com"));
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("cara")
                .smsMfaSettings(s -> s.enabled(true))
                .emailMfaSettings(s -> s.enabled(true)));
    var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("cara"));
    assertEquals(List.of("SMS_MFA", "EMAIL_OTP"), user.userMFASettingList());
    assertFalse(user.preferredMfaSetting() != null);

    InitiateAuthResponse select = passwordSignIn(cognito, clientId, "cara", PASSWORD);

    assertEquals(ChallengeNameType.SELECT_MFA_TYPE, select.challengeName());
    assertEquals(
        "[\"SMS_MFA\",\"EMAIL_OTP\"]", select.challengeParameters().get("MFAS_CAN_CHOOSE"));
    assertTrue(
        server.messages(poolId, "cara").isEmpty()); // nothing is sent before the user chooses
    Expect.error(
        InvalidParameterException.class,
        "",
        () ->
            answer(
                clientId,
                ChallengeNameType.SELECT_MFA_TYPE,
                passwordSignIn(cognito, clientId, "cara", PASSWORD).session(),
                "cara",
                "ANSWER",
                "SOFTWARE_TOKEN_MFA"));
    RespondToAuthChallengeResponse email =
        answer(
            clientId,
            ChallengeNameType.SELECT_MFA_TYPE,
            select.session(),
            "cara",
            "ANSWER",
            "EMAIL_OTP");
    assertEquals(ChallengeNameType.EMAIL_OTP, email.challengeName());
    assertNotNull(
        answer(
                clientId,
                ChallengeNameType.EMAIL_OTP,
                email.session(),
                "cara",
                "EMAIL_OTP_CODE",
                server.lastCode(poolId, "cara"))
            .authenticationResult());
  }

  @Test
  void whenPoolRequiresMfaAndUserHasAPhoneThenSmsCodeWithoutEnrolment() throws Exception {
    String poolId = pool(UserPoolMfaType.ON);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "phil", attr("phone_number", "+15555550111"));

    InitiateAuthResponse challenge = passwordSignIn(cognito, clientId, "phil", PASSWORD);

    assertEquals(ChallengeNameType.SMS_MFA, challenge.challengeName());
    assertNotNull(
        answer(
                clientId,
                ChallengeNameType.SMS_MFA,
                challenge.session(),
                "phil",
                "SMS_MFA_CODE",
                server.lastCode(poolId, "phil"))
            .authenticationResult());
  }

  @Test
  void whenPoolRequiresMfaAndUserHasNoPhoneThenMfaSetupListsThePoolsFactors() {
    String poolId = pool(UserPoolMfaType.ON);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "ivy");

    InitiateAuthResponse challenge = passwordSignIn(cognito, clientId, "ivy", PASSWORD);

    assertEquals(ChallengeNameType.MFA_SETUP, challenge.challengeName());
    assertEquals(
        "[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\",\"EMAIL_OTP\"]",
        challenge.challengeParameters().get("MFAS_CAN_SETUP"));
  }

  @Test
  void whenSmsCodeExpiresWithItsSessionThenNotAuthorized() throws Exception {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "tim", attr("phone_number", "+15555550122"));
    cognito.adminSetUserMFAPreference(
        b -> b.userPoolId(poolId).username("tim").smsMfaSettings(s -> s.enabled(true)));
    InitiateAuthResponse challenge = passwordSignIn(cognito, clientId, "tim", PASSWORD);
    String code = server.lastCode(poolId, "tim");
    CLOCK.advance(Duration.ofMinutes(4));

    Expect.error(
        NotAuthorizedException.class,
        "Invalid session for the user, session is expired.",
        () ->
            answer(
                clientId,
                ChallengeNameType.SMS_MFA,
                challenge.session(),
                "tim",
                "SMS_MFA_CODE",
                code));
  }

  @Test
  void whenLegacyMfaOptionsTurnSmsOnThenGetUserShowsThemAndSignInAsksForTheSmsCode()
      throws Exception {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "lee",
        attr("phone_number", "+15555550144"),
        attr("email", "lee@example.com"));
    String accessToken =
        passwordSignIn(cognito, clientId, "lee", PASSWORD).authenticationResult().accessToken();
    Expect.error(
        InvalidParameterException.class,
        "Only phone_number attribute is currently supported as a MFA option.",
        () ->
            cognito.setUserSettings(
                b ->
                    b.accessToken(accessToken)
                        .mfaOptions(
                            o ->
                                o.deliveryMedium(DeliveryMediumType.EMAIL)
                                    .attributeName("email"))));

    cognito.setUserSettings(
        b ->
            b.accessToken(accessToken)
                .mfaOptions(
                    o -> o.deliveryMedium(DeliveryMediumType.SMS).attributeName("phone_number")));

    var me = cognito.getUser(b -> b.accessToken(accessToken));
    assertEquals(1, me.mfaOptions().size());
    assertEquals(DeliveryMediumType.SMS, me.mfaOptions().get(0).deliveryMedium());
    assertEquals("phone_number", me.mfaOptions().get(0).attributeName());
    assertEquals(
        "phone_number",
        cognito
            .listUsers(b -> b.userPoolId(poolId))
            .users()
            .get(0)
            .mfaOptions()
            .get(0)
            .attributeName());
    InitiateAuthResponse challenge = passwordSignIn(cognito, clientId, "lee", PASSWORD);
    assertEquals(ChallengeNameType.SMS_MFA, challenge.challengeName());
    assertNotNull(
        answer(
                clientId,
                ChallengeNameType.SMS_MFA,
                challenge.session(),
                "lee",
                "SMS_MFA_CODE",
                server.lastCode(poolId, "lee"))
            .authenticationResult());

    cognito.adminSetUserSettings(b -> b.userPoolId(poolId).username("lee").mfaOptions(List.of()));

    assertFalse(cognito.adminGetUser(b -> b.userPoolId(poolId).username("lee")).hasMfaOptions());
    assertNotNull(passwordSignIn(cognito, clientId, "lee", PASSWORD).authenticationResult());
  }

  @Test
  void whenUserHasNoPhoneThenSmsMfaCannotBeEnabled() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    SignInFixtures.confirmedUser(cognito, poolId, "noa");

    Expect.error(
        InvalidParameterException.class,
        "User does not have delivery config set to turn on SMS_MFA",
        () ->
            cognito.adminSetUserMFAPreference(
                b -> b.userPoolId(poolId).username("noa").smsMfaSettings(s -> s.enabled(true))));
  }
}
