package dev.userpool.local;

import static dev.userpool.local.AdminCreateUserIT.attr;
import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * TOTP MFA end to end through the AWS SDK v2 client, codes computed by the test's own RFC 6238 code
 * ({@link TestTotp}) on the server's clock: association and verification by access token and by
 * MFA_SETUP Session, preferences, the SOFTWARE_TOKEN_MFA challenge after USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH, SRP and NEW_PASSWORD_REQUIRED, and the wrong-code, replayed-code,
 * used-up and expired-session paths.
 */
class SoftwareTokenMfaIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  @BeforeEach
  void now() {
    CLOCK.set(Instant.now());
  }

  private String pool(UserPoolMfaType mfa) {
    String poolId = SignInFixtures.pool(cognito);
    if (mfa != UserPoolMfaType.OFF) {
      cognito.setUserPoolMfaConfig(
          b ->
              b.userPoolId(poolId)
                  .mfaConfiguration(mfa)
                  .softwareTokenMfaConfiguration(s -> s.enabled(true)));
    }
    return poolId;
  }

  /** Signs in without MFA, associates and verifies a token, and prefers it; returns the secret. */
  private String enrol(String poolId, String clientId, String username) {
    String accessToken =
        passwordSignIn(cognito, clientId, username, PASSWORD).authenticationResult().accessToken();
    String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
    var verified =
        cognito.verifySoftwareToken(
            b ->
                b.accessToken(accessToken)
                    .userCode(TestTotp.code(secret, CLOCK.instant()))
                    .friendlyDeviceName("phone"));
    assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verified.status());
    assertNull(verified.session());
    cognito.setUserMFAPreference(
        b ->
            b.accessToken(accessToken)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    CLOCK.advance(Duration.ofSeconds(30)); // the verification code's step is used up
    return secret;
  }

  private RespondToAuthChallengeResponse answerTotp(
      String clientId, String session, String username, String code) {
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                .session(session)
                .challengeResponses(Map.of("USERNAME", username, "SOFTWARE_TOKEN_MFA_CODE", code)));
  }

  @Test
  void whenTotpIsVerifiedAndPreferredThenPasswordSignInAsksForItsCodeAndThenIssuesTokens() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "tina", attr("email", "tina@example.com"));
    String secret = enrol(poolId, clientId, "tina");
    assertEquals(32, secret.length());
    assertTrue(secret.matches("[A-Z2-7]{32}"));

    InitiateAuthResponse challenge = passwordSignIn(cognito, clientId, "tina", PASSWORD);

    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
    assertNull(challenge.authenticationResult());
    assertEquals("tina", challenge.challengeParameters().get("USER_ID_FOR_SRP"));
    assertEquals("phone", challenge.challengeParameters().get("FRIENDLY_DEVICE_NAME"));
    AuthenticationResultType tokens =
        answerTotp(clientId, challenge.session(), "tina", TestTotp.code(secret, CLOCK.instant()))
            .authenticationResult();
    assertNotNull(tokens.accessToken());
    assertNotNull(tokens.refreshToken());

    GetUserResponse me = cognito.getUser(b -> b.accessToken(tokens.accessToken()));
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), me.userMFASettingList());
    assertEquals("SOFTWARE_TOKEN_MFA", me.preferredMfaSetting());
    AdminGetUserResponse admin = cognito.adminGetUser(b -> b.userPoolId(poolId).username("tina"));
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), admin.userMFASettingList());
    assertEquals("SOFTWARE_TOKEN_MFA", admin.preferredMfaSetting());
    assertFalse(admin.toString().contains(secret));
  }

  @Test
  void
      whenUserHasNoFactorInOptionalPoolThenTokensComeWithoutChallengeAndGetUserShowsNoMfaMembers() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "olga");

    InitiateAuthResponse signIn = passwordSignIn(cognito, clientId, "olga", PASSWORD);

    assertNotNull(signIn.authenticationResult());
    GetUserResponse me =
        cognito.getUser(b -> b.accessToken(signIn.authenticationResult().accessToken()));
    assertFalse(me.hasUserMFASettingList());
    assertNull(me.preferredMfaSetting());
  }

  @Test
  void whenPoolMfaIsOffThenAnEnabledTokenIsNotAsked() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "otto");
    enrol(poolId, clientId, "otto");
    cognito.setUserPoolMfaConfig(b -> b.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OFF));

    assertNotNull(passwordSignIn(cognito, clientId, "otto", PASSWORD).authenticationResult());
  }

  @Test
  void whenWrongCodeThenCodeMismatchAndTheSameSessionAcceptsTheRightCode() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "will");
    String secret = enrol(poolId, clientId, "will");
    String session = passwordSignIn(cognito, clientId, "will", PASSWORD).session();

    Expect.error(
        CodeMismatchException.class,
        "Invalid code or auth state for the user.",
        () -> answerTotp(clientId, session, "will", TestTotp.wrongCode(secret, CLOCK.instant())));

    assertNotNull(
        answerTotp(clientId, session, "will", TestTotp.code(secret, CLOCK.instant()))
            .authenticationResult()
            .accessToken());
  }

  @Test
  void whenThreeWrongCodesThenTheSessionIsUsedUp() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "wade");
    String secret = enrol(poolId, clientId, "wade");
    String session = passwordSignIn(cognito, clientId, "wade", PASSWORD).session();
    String wrong = TestTotp.wrongCode(secret, CLOCK.instant());
    for (int i = 0; i < 3; i++) {
      Expect.error(
          CodeMismatchException.class,
          "Invalid code or auth state for the user.",
          () -> answerTotp(clientId, session, "wade", wrong));
    }

    Expect.error(
        NotAuthorizedException.class,
        "Invalid session for the user",
        () -> answerTotp(clientId, session, "wade", TestTotp.code(secret, CLOCK.instant())));
  }

  @Test
  void whenFiveWrongCodesAcrossSignInsThenTheUserIsLockedOutAndARightCodeLaterClearsTheCount() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "lou");
    String secret = enrol(poolId, clientId, "lou");
    String wrong = TestTotp.wrongCode(secret, CLOCK.instant());
    String first = passwordSignIn(cognito, clientId, "lou", PASSWORD).session();
    for (int i = 0; i < 3; i++) {
      Expect.error(
          CodeMismatchException.class, "", () -> answerTotp(clientId, first, "lou", wrong));
    }
    String second =
        passwordSignIn(cognito, clientId, "lou", PASSWORD)
            .session(); // a password does not reset it
    for (int i = 0; i < 2; i++) {
      Expect.error(
          CodeMismatchException.class, "", () -> answerTotp(clientId, second, "lou", wrong));
    }

    Expect.error(
        NotAuthorizedException.class,
        "Password attempts exceeded",
        () -> passwordSignIn(cognito, clientId, "lou", PASSWORD));

    CLOCK.advance(Duration.ofSeconds(2));
    String third = passwordSignIn(cognito, clientId, "lou", PASSWORD).session();
    assertNotNull(
        answerTotp(clientId, third, "lou", TestTotp.code(secret, CLOCK.instant()))
            .authenticationResult());
    String fourth = passwordSignIn(cognito, clientId, "lou", PASSWORD).session();
    Expect.error(
        CodeMismatchException.class,
        "", // the count restarted: one failure does not lock
        () -> answerTotp(clientId, fourth, "lou", TestTotp.wrongCode(secret, CLOCK.instant())));
    assertEquals(
        ChallengeNameType.SOFTWARE_TOKEN_MFA,
        passwordSignIn(cognito, clientId, "lou", PASSWORD).challengeName());
  }

  @Test
  void whenCodeWasAcceptedOnceThenTheSameCodeIsRefusedInItsWindow() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "rita");
    String secret = enrol(poolId, clientId, "rita");
    String code = TestTotp.code(secret, CLOCK.instant());
    answerTotp(
        clientId, passwordSignIn(cognito, clientId, "rita", PASSWORD).session(), "rita", code);

    String again = passwordSignIn(cognito, clientId, "rita", PASSWORD).session();

    Expect.error(
        CodeMismatchException.class,
        "Invalid code or auth state for the user.",
        () -> answerTotp(clientId, again, "rita", code));
    CLOCK.advance(Duration.ofSeconds(30));
    assertNotNull(
        answerTotp(clientId, again, "rita", TestTotp.code(secret, CLOCK.instant()))
            .authenticationResult());
  }

  @Test
  void whenCodeOfTheNeighbouringStepThenAcceptedButNotTwoStepsAway() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "sven");
    String secret = enrol(poolId, clientId, "sven");
    String session = passwordSignIn(cognito, clientId, "sven", PASSWORD).session();

    Expect.error(
        CodeMismatchException.class,
        "Invalid code or auth state for the user.",
        () ->
            answerTotp(
                clientId,
                session,
                "sven",
                TestTotp.code(secret, CLOCK.instant().minusSeconds(60))));
    assertNotNull(
        answerTotp(
                clientId, session, "sven", TestTotp.code(secret, CLOCK.instant().plusSeconds(30)))
            .authenticationResult());
  }

  @Test
  void whenSessionExpiresThenNotAuthorized() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "eva");
    String secret = enrol(poolId, clientId, "eva");
    String session = passwordSignIn(cognito, clientId, "eva", PASSWORD).session();
    CLOCK.advance(Duration.ofMinutes(4)); // AuthSessionValidity defaults to 3 minutes

    Expect.error(
        NotAuthorizedException.class,
        "Invalid session for the user, session is expired.",
        () -> answerTotp(clientId, session, "eva", TestTotp.code(secret, CLOCK.instant())));
  }

  @Test
  void whenAnotherUsersNameAnswersThenNotAuthorized() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "ann");
    SignInFixtures.confirmedUser(cognito, poolId, "bob");
    String secret = enrol(poolId, clientId, "ann");
    String session = passwordSignIn(cognito, clientId, "ann", PASSWORD).session();

    Expect.error(
        NotAuthorizedException.class,
        "",
        () -> answerTotp(clientId, session, "bob", TestTotp.code(secret, CLOCK.instant())));
  }

  @Test
  void whenVerifyingWithWrongCodeThenEnableSoftwareTokenMfaExceptionAndItCannotBePreferred() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "vic");
    String accessToken =
        passwordSignIn(cognito, clientId, "vic", PASSWORD).authenticationResult().accessToken();

    Expect.error(
        SoftwareTokenMfaNotFoundException.class,
        "",
        () -> cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode("123456")));
    String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
    Expect.error(
        EnableSoftwareTokenMfaException.class,
        "Code mismatch and fail enable Software Token MFA",
        () ->
            cognito.verifySoftwareToken(
                b ->
                    b.accessToken(accessToken)
                        .userCode(TestTotp.wrongCode(secret, CLOCK.instant()))));
    Expect.error(
        InvalidParameterException.class,
        "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA",
        () ->
            cognito.setUserMFAPreference(
                b ->
                    b.accessToken(accessToken)
                        .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true))));
    assertFalse(
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("vic")).hasUserMFASettingList());
    Expect.error(
        InvalidParameterException.class,
        "",
        () ->
            cognito.associateSoftwareToken(
                b -> b.accessToken(accessToken).session("x".repeat(30))));
  }

  @Test
  void whenPoolDoesNotOfferTotpThenAssociationIsRefused() {
    String poolId = pool(UserPoolMfaType.OFF);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "nils");
    String accessToken =
        passwordSignIn(cognito, clientId, "nils", PASSWORD).authenticationResult().accessToken();

    Expect.error(
        SoftwareTokenMfaNotFoundException.class,
        "Software Token MFA has not been enabled by the userPool.",
        () -> cognito.associateSoftwareToken(b -> b.accessToken(accessToken)));
  }

  @Test
  void whenAdminSetsPreferenceThenAdminPasswordSignInIsChallenged() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "ada");
    String secret = enrol(poolId, clientId, "ada");
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("ada")
                .softwareTokenMfaSettings(s -> s.enabled(false).preferredMfa(false)));
    assertFalse(
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("ada")).hasUserMFASettingList());
    assertNotNull(passwordSignIn(cognito, clientId, "ada", PASSWORD).authenticationResult());
    cognito.adminSetUserMFAPreference(
        b -> b.userPoolId(poolId).username("ada").softwareTokenMfaSettings(s -> s.enabled(true)));

    var challenge =
        cognito.adminInitiateAuth(
            b ->
                b.userPoolId(poolId)
                    .clientId(clientId)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "ada", "PASSWORD", PASSWORD)));

    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
    var tokens =
        cognito.adminRespondToAuthChallenge(
            b ->
                b.userPoolId(poolId)
                    .clientId(clientId)
                    .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                    .session(challenge.session())
                    .challengeResponses(
                        Map.of(
                            "USERNAME",
                            "ada",
                            "SOFTWARE_TOKEN_MFA_CODE",
                            TestTotp.code(secret, CLOCK.instant()))));
    assertNotNull(tokens.authenticationResult().idToken());
  }

  @Test
  void whenSrpPasswordVerifierSucceedsThenTotpChallengeFollows() {
    String poolId = pool(UserPoolMfaType.OPTIONAL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "sam");
    String secret = enrol(poolId, clientId, "sam");
    SrpClient srp = SrpClient.random();
    InitiateAuthResponse start =
        cognito.initiateAuth(
            b ->
                b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_SRP_AUTH)
                    .authParameters(Map.of("USERNAME", "sam", "SRP_A", srp.srpA())));
    Map<String, String> p = start.challengeParameters();
    String poolName = poolId.substring(poolId.indexOf('_') + 1);
    byte[] key = srp.key(poolName, "sam", PASSWORD, p.get("SALT"), p.get("SRP_B"));
    String timestamp = SrpClient.timestamp(Instant.now());
    Map<String, String> responses =
        new HashMap<>(
            Map.of(
                "USERNAME",
                "sam",
                "PASSWORD_CLAIM_SECRET_BLOCK",
                p.get("SECRET_BLOCK"),
                "TIMESTAMP",
                timestamp,
                "PASSWORD_CLAIM_SIGNATURE",
                SrpClient.signature(key, poolName, "sam", p.get("SECRET_BLOCK"), timestamp)));

    RespondToAuthChallengeResponse mfa =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                    .challengeResponses(responses));

    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, mfa.challengeName());
    assertNotNull(
        answerTotp(clientId, mfa.session(), "sam", TestTotp.code(secret, CLOCK.instant()))
            .authenticationResult()
            .accessToken());
  }

  @Test
  void whenPoolRequiresMfaThenUserWithoutFactorSetsUpTotpWithTheSessionAndSignsInWithItLater() {
    String poolId = pool(UserPoolMfaType.ON);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "mona");

    InitiateAuthResponse setup = passwordSignIn(cognito, clientId, "mona", PASSWORD);

    assertEquals(ChallengeNameType.MFA_SETUP, setup.challengeName());
    assertEquals("[\"SOFTWARE_TOKEN_MFA\"]", setup.challengeParameters().get("MFAS_CAN_SETUP"));
    var associated = cognito.associateSoftwareToken(b -> b.session(setup.session()));
    assertNotNull(associated.session());
    String secret = associated.secretCode();
    Expect.error(
        EnableSoftwareTokenMfaException.class,
        "Code mismatch",
        () ->
            cognito.verifySoftwareToken(
                b ->
                    b.session(associated.session())
                        .userCode(TestTotp.wrongCode(secret, CLOCK.instant()))));
    var verified =
        cognito.verifySoftwareToken(
            b -> b.session(associated.session()).userCode(TestTotp.code(secret, CLOCK.instant())));
    assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verified.status());
    Expect.error(
        NotAuthorizedException.class,
        "Invalid session for the user",
        () ->
            cognito.respondToAuthChallenge(
                b ->
                    b.clientId(clientId)
                        .challengeName(ChallengeNameType.MFA_SETUP)
                        .session(associated.session())
                        .challengeResponses(Map.of("USERNAME", "mona"))));

    RespondToAuthChallengeResponse tokens =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.MFA_SETUP)
                    .session(verified.session())
                    .challengeResponses(Map.of("USERNAME", "mona")));

    assertNotNull(tokens.authenticationResult().accessToken());
    AdminGetUserResponse user = cognito.adminGetUser(b -> b.userPoolId(poolId).username("mona"));
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), user.userMFASettingList());
    assertEquals("SOFTWARE_TOKEN_MFA", user.preferredMfaSetting());
    CLOCK.advance(Duration.ofSeconds(30));
    InitiateAuthResponse next = passwordSignIn(cognito, clientId, "mona", PASSWORD);
    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, next.challengeName());
    assertNotNull(
        answerTotp(clientId, next.session(), "mona", TestTotp.code(secret, CLOCK.instant()))
            .authenticationResult());
  }

  @Test
  void whenTemporaryPasswordIsReplacedInPoolRequiringMfaThenMfaSetupFollows() {
    String poolId = pool(UserPoolMfaType.ON);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("nina")
                .temporaryPassword("Temp0rary-Pass!")
                .messageAction(MessageActionType.SUPPRESS));
    InitiateAuthResponse first = passwordSignIn(cognito, clientId, "nina", "Temp0rary-Pass!");
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, first.challengeName());

    RespondToAuthChallengeResponse next =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                    .session(first.session())
                    .challengeResponses(Map.of("USERNAME", "nina", "NEW_PASSWORD", PASSWORD)));

    assertEquals(ChallengeNameType.MFA_SETUP, next.challengeName());
    assertNull(next.authenticationResult());
    assertNotNull(cognito.associateSoftwareToken(b -> b.session(next.session())).secretCode());
  }
}
