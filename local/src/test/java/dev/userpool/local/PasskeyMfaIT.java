package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.testing.MutableClock;
import dev.userpool.testing.SoftwareAuthenticator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserVerificationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnFactorConfigurationType;

/**
 * Passkeys as MFA through the SDK v2 client and the software authenticator (honest ES256
 * signatures, user verification flag set or not): WebAuthnConfiguration.FactorConfiguration in
 * SetUserPoolMfaConfig, WebAuthnMfaSettings in (Admin)SetUserMFAPreference, and what USER_AUTH
 * offers and accepts under MFA ON, under OPTIONAL for users with and without MFA, and under OFF.
 */
class PasskeyMfaIT {
  private static final MutableClock CLOCK = MutableClock.at("2026-02-03T10:00:00Z");
  private static final String RP_ID = "example.com";
  private static final String ORIGIN = "https://app.example.com";
  private static final String PASSWORD_REQUIRED = "Password Challenge is Required to SignIn";
  private static final List<ChallengeNameType> PASSWORD_ONLY =
      List.of(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP);
  private static final List<ChallengeNameType> WITH_PASSKEY =
      List.of(
          ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP, ChallengeNameType.WEB_AUTHN);

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  /** A pool allowing PASSWORD and WEB_AUTHN, with TOTP and this MFA and factor configuration. */
  private String pool(UserPoolMfaType mfa, WebAuthnFactorConfigurationType factors) {
    String poolId =
        PasskeyFixtures.pool(cognito, AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN);
    setMfa(poolId, mfa, factors);
    return poolId;
  }

  private void setMfa(String poolId, UserPoolMfaType mfa, WebAuthnFactorConfigurationType factors) {
    cognito.setUserPoolMfaConfig(
        b -> {
          b.userPoolId(poolId)
              .mfaConfiguration(mfa)
              .webAuthnConfiguration(
                  w ->
                      w.relyingPartyId(RP_ID)
                          .userVerification(UserVerificationType.PREFERRED)
                          .factorConfiguration(factors));
          if (mfa != UserPoolMfaType.OFF) {
            b.softwareTokenMfaConfiguration(s -> s.enabled(true));
          }
        });
  }

  private String client(String poolId) {
    return PasskeyFixtures.userAuthClient(cognito, poolId);
  }

  /** A user the test drives: their access token, passkey and its WebAuthn user handle. */
  private record Member(
      String username, String accessToken, SoftwareAuthenticator passkey, byte[] userHandle) {}

  /** Creates the user, signs in with the password (no MFA yet) and registers a passkey. */
  private Member memberWithPasskey(String poolId, String clientId, String username) {
    String accessToken = PasskeyFixtures.signedInUser(cognito, poolId, clientId, username);
    PasskeyFixtures.Registered registered = PasskeyFixtures.register(cognito, accessToken, ORIGIN);
    return new Member(username, accessToken, registered.passkey(), registered.userHandle());
  }

  /** Associates, verifies and prefers a TOTP token for the member; returns its secret. */
  private String enrolTotp(Member member) {
    String secret =
        cognito.associateSoftwareToken(b -> b.accessToken(member.accessToken())).secretCode();
    cognito.verifySoftwareToken(
        b -> b.accessToken(member.accessToken()).userCode(TestTotp.code(secret, CLOCK.instant())));
    cognito.setUserMFAPreference(
        b ->
            b.accessToken(member.accessToken())
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    CLOCK.advance(Duration.ofSeconds(30)); // the verification code's step is used up
    return secret;
  }

  /** Turns passkey MFA on the way Cognito accepts it: with another factor in the same request. */
  private void enablePasskeyMfa(Member member) {
    cognito.setUserMFAPreference(
        b ->
            b.accessToken(member.accessToken())
                .softwareTokenMfaSettings(s -> s.enabled(true))
                .webAuthnMfaSettings(w -> w.enabled(true)));
  }

  private InitiateAuthResponse userAuth(String clientId, Map<String, String> parameters) {
    return cognito.initiateAuth(
        b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH).authParameters(parameters));
  }

  private List<ChallengeNameType> available(String clientId, String username) {
    InitiateAuthResponse select = userAuth(clientId, Map.of("USERNAME", username));
    assertEquals(ChallengeNameType.SELECT_CHALLENGE, select.challengeName());
    return select.availableChallenges();
  }

  private InitiateAuthResponse preferPasskey(String clientId, String username) {
    return userAuth(clientId, Map.of("USERNAME", username, "PREFERRED_CHALLENGE", "WEB_AUTHN"));
  }

  private static JsonNode requestOptions(InitiateAuthResponse challenge) {
    assertEquals(ChallengeNameType.WEB_AUTHN, challenge.challengeName());
    return WebAuthnJson.read(challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"));
  }

  /** Answers the WEB_AUTHN challenge with the member's passkey, user-verified or not. */
  private RespondToAuthChallengeResponse answer(
      String clientId, Member member, InitiateAuthResponse challenge, boolean userVerified) {
    member.passkey().setUserVerifying(userVerified);
    JsonNode credential =
        member.passkey().assertion(requestOptions(challenge), ORIGIN, member.userHandle());
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.WEB_AUTHN)
                .session(challenge.session())
                .challengeResponses(
                    Map.of("USERNAME", member.username(), "CREDENTIAL", credential.toString())));
  }

  /**
   * The member signs in with the passkey alone: it is offered, user verification is only preferred,
   * and an assertion without it is accepted.
   */
  private RespondToAuthChallengeResponse singleFactorSignIn(String clientId, Member member) {
    assertEquals(WITH_PASSKEY, available(clientId, member.username()));
    InitiateAuthResponse challenge = preferPasskey(clientId, member.username());
    assertEquals("preferred", requestOptions(challenge).path("userVerification").asText());
    return answer(clientId, member, challenge, false);
  }

  /**
   * The member's passkey counts as both factors: it is offered, user verification is required, an
   * assertion without it is refused and one with it signs in.
   */
  private RespondToAuthChallengeResponse multiFactorSignIn(String clientId, Member member) {
    assertEquals(WITH_PASSKEY, available(clientId, member.username()));
    InitiateAuthResponse challenge = preferPasskey(clientId, member.username());
    assertEquals("required", requestOptions(challenge).path("userVerification").asText());
    assertThrows(NotAuthorizedException.class, () -> answer(clientId, member, challenge, false));
    return answer(clientId, member, preferPasskey(clientId, member.username()), true);
  }

  private static void assertRefused(Class<? extends Exception> type, String text, Runnable call) {
    Exception e = assertThrows(type, call::run);
    assertTrue(e.getMessage().startsWith(text), e.getMessage());
  }

  @Test
  void whenMfaIsRequiredThenSingleFactorPasskeysAreRefusedAndNothingIsChanged() {
    String poolId = pool(UserPoolMfaType.OFF, WebAuthnFactorConfigurationType.SINGLE_FACTOR);
    String single =
        "Cannot set WebAuthn factor configuration to SINGLE_FACTOR if MFA is required and WebAuthn"
            + " is an allowed first auth factor";

    assertRefused(
        InvalidParameterException.class,
        single,
        () -> setMfa(poolId, UserPoolMfaType.ON, WebAuthnFactorConfigurationType.SINGLE_FACTOR));
    assertRefused(
        InvalidParameterException.class,
        single,
        () ->
            cognito.setUserPoolMfaConfig(
                b ->
                    b.userPoolId(poolId)
                        .mfaConfiguration(UserPoolMfaType.ON)
                        .softwareTokenMfaConfiguration(s -> s.enabled(true))
                        .webAuthnConfiguration(
                            w ->
                                w.relyingPartyId(RP_ID)
                                    .userVerification(UserVerificationType.REQUIRED))));
    GetUserPoolMfaConfigResponse unchanged =
        cognito.getUserPoolMfaConfig(b -> b.userPoolId(poolId));
    assertEquals(UserPoolMfaType.OFF, unchanged.mfaConfiguration());
    assertNull(unchanged.softwareTokenMfaConfiguration());

    // OPTIONAL with single-factor passkeys is accepted; ON with multi-factor passkeys too
    setMfa(poolId, UserPoolMfaType.OPTIONAL, WebAuthnFactorConfigurationType.SINGLE_FACTOR);
    setMfa(
        poolId,
        UserPoolMfaType.ON,
        WebAuthnFactorConfigurationType.MULTI_FACTOR_WITH_USER_VERIFICATION);
    GetUserPoolMfaConfigResponse on = cognito.getUserPoolMfaConfig(b -> b.userPoolId(poolId));
    assertEquals(UserPoolMfaType.ON, on.mfaConfiguration());
    assertEquals(
        WebAuthnFactorConfigurationType.MULTI_FACTOR_WITH_USER_VERIFICATION,
        on.webAuthnConfiguration().factorConfiguration());

    // a pool with MFA ON and single-factor passkeys cannot add WEB_AUTHN to its sign-in policy
    String passwordOnly =
        SignInFixtures.pool(cognito, b -> b.userPoolTier(UserPoolTierType.ESSENTIALS));
    setMfa(passwordOnly, UserPoolMfaType.ON, WebAuthnFactorConfigurationType.SINGLE_FACTOR);
    assertRefused(
        InvalidParameterException.class,
        "WEB_AUTHN cannot be used as an auth factor when MFA is enabled if not configured for MFA.",
        () ->
            cognito.updateUserPool(
                b ->
                    b.userPoolId(passwordOnly)
                        .userPoolTier(UserPoolTierType.ESSENTIALS)
                        .mfaConfiguration(UserPoolMfaType.ON)
                        .policies(
                            p ->
                                p.signInPolicy(
                                    s ->
                                        s.allowedFirstAuthFactors(
                                            AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN)))));
    assertEquals(
        List.of(AuthFactorType.PASSWORD),
        cognito
            .describeUserPool(b -> b.userPoolId(passwordOnly))
            .userPool()
            .policies()
            .signInPolicy()
            .allowedFirstAuthFactors());

    // nor can a pool be created so
    assertRefused(
        InvalidParameterException.class,
        "WEB_AUTHN cannot be used as an auth factor when MFA is enabled if not configured for MFA.",
        () ->
            SignInFixtures.pool(
                cognito,
                b ->
                    b.userPoolTier(UserPoolTierType.ESSENTIALS)
                        .mfaConfiguration(UserPoolMfaType.ON)
                        .policies(
                            p ->
                                p.signInPolicy(
                                    s ->
                                        s.allowedFirstAuthFactors(
                                            AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN)))));

    // one-time-code first factors are never allowed beside MFA ON
    String otp = PasskeyFixtures.pool(cognito, AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    assertRefused(
        InvalidParameterException.class,
        "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is"
            + " enabled",
        () ->
            setMfa(
                otp,
                UserPoolMfaType.ON,
                WebAuthnFactorConfigurationType.MULTI_FACTOR_WITH_USER_VERIFICATION));
  }

  @Test
  void whenMfaIsOnThenOnlyAUserVerifiedPasskeyOfAUserWithPasskeyMfaSignsInWithoutACode() {
    String poolId =
        pool(
            UserPoolMfaType.OPTIONAL,
            WebAuthnFactorConfigurationType.MULTI_FACTOR_WITH_USER_VERIFICATION);
    String clientId = client(poolId);
    Member mia = memberWithPasskey(poolId, clientId, "mia");
    String secret = enrolTotp(mia);
    setMfa(
        poolId,
        UserPoolMfaType.ON,
        WebAuthnFactorConfigurationType.MULTI_FACTOR_WITH_USER_VERIFICATION);

    // passkey MFA off: the passkey is no first factor while MFA is owed
    assertEquals(PASSWORD_ONLY, available(clientId, "mia"));
    assertRefused(
        InvalidParameterException.class, PASSWORD_REQUIRED, () -> preferPasskey(clientId, "mia"));

    // passkey MFA goes on only beside another factor named in the same request
    assertRefused(
        InvalidParameterException.class,
        "WebAuthn MFA requires enabling an additional MFA setting.",
        () ->
            cognito.setUserMFAPreference(
                b -> b.accessToken(mia.accessToken()).webAuthnMfaSettings(w -> w.enabled(true))));
    enablePasskeyMfa(mia);
    assertEquals(
        List.of("SOFTWARE_TOKEN_MFA", "WEB_AUTHN_MFA"),
        cognito.getUser(b -> b.accessToken(mia.accessToken())).userMFASettingList());
    assertEquals(
        "SOFTWARE_TOKEN_MFA",
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("mia")).preferredMfaSetting());

    RespondToAuthChallengeResponse tokens = multiFactorSignIn(clientId, mia);
    assertNull(tokens.challengeName());
    assertNotNull(tokens.authenticationResult().accessToken());

    // the password still needs the authenticator code: a passkey is never the second factor
    InitiateAuthResponse password =
        SignInFixtures.passwordSignIn(cognito, clientId, "mia", PASSWORD);
    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, password.challengeName());
    assertNotNull(secret);
  }

  @Test
  void whenMfaIsOptionalThenAUserWithMfaNeedsPasskeyMfaAndAUserWithoutSignsInWithThePasskey() {
    String poolId =
        pool(
            UserPoolMfaType.OPTIONAL,
            WebAuthnFactorConfigurationType.MULTI_FACTOR_WITH_USER_VERIFICATION);
    String clientId = client(poolId);

    // no MFA for ola: the passkey is a single factor, user verification as the pool prefers
    Member ola = memberWithPasskey(poolId, clientId, "ola");
    assertNotNull(singleFactorSignIn(clientId, ola).authenticationResult());

    // otto turned TOTP on: his passkey is refused until passkey MFA is on, then needs UV
    Member otto = memberWithPasskey(poolId, clientId, "otto");
    enrolTotp(otto);
    assertEquals(PASSWORD_ONLY, available(clientId, "otto"));
    assertRefused(
        InvalidParameterException.class, PASSWORD_REQUIRED, () -> preferPasskey(clientId, "otto"));
    InitiateAuthResponse select = userAuth(clientId, Map.of("USERNAME", "otto"));
    assertThrows(
        InvalidParameterException.class,
        () ->
            cognito.respondToAuthChallenge(
                b ->
                    b.clientId(clientId)
                        .challengeName(ChallengeNameType.SELECT_CHALLENGE)
                        .session(select.session())
                        .challengeResponses(Map.of("USERNAME", "otto", "ANSWER", "WEB_AUTHN"))));

    enablePasskeyMfa(otto);
    assertNotNull(multiFactorSignIn(clientId, otto).authenticationResult());

    // passkey MFA never stays on alone, and an administrator can turn it off
    assertRefused(
        InvalidParameterException.class,
        "WebAuthn MFA requires enabling an additional MFA setting.",
        () ->
            cognito.setUserMFAPreference(
                b ->
                    b.accessToken(otto.accessToken())
                        .softwareTokenMfaSettings(s -> s.enabled(false))));
    cognito.adminSetUserMFAPreference(
        b -> b.userPoolId(poolId).username("otto").webAuthnMfaSettings(w -> w.enabled(false)));
    assertEquals(
        List.of("SOFTWARE_TOKEN_MFA"),
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("otto")).userMFASettingList());
    assertEquals(PASSWORD_ONLY, available(clientId, "otto"));

    // passkey MFA needs a passkey for the pool's relying party
    Member nia =
        new Member(
            "nia", PasskeyFixtures.signedInUser(cognito, poolId, clientId, "nia"), null, null);
    enrolTotp(nia);
    assertRefused(
        InvalidParameterException.class,
        "User does not have applicable WebAuthn credentials to enable WebAuthn MFA.",
        () -> enablePasskeyMfa(nia));
  }

  @Test
  void whenPasskeysAreASingleFactorThenPasskeyMfaIsRefusedAndAUserWithMfaMustUseThePassword() {
    String poolId = pool(UserPoolMfaType.OPTIONAL, WebAuthnFactorConfigurationType.SINGLE_FACTOR);
    String clientId = client(poolId);
    Member sol = memberWithPasskey(poolId, clientId, "sol");
    enrolTotp(sol);

    assertThrows(InvalidParameterException.class, () -> enablePasskeyMfa(sol));
    assertEquals(
        List.of("SOFTWARE_TOKEN_MFA"),
        cognito.getUser(b -> b.accessToken(sol.accessToken())).userMFASettingList());
    assertEquals(PASSWORD_ONLY, available(clientId, "sol"));
    assertRefused(
        InvalidParameterException.class, PASSWORD_REQUIRED, () -> preferPasskey(clientId, "sol"));
  }

  @Test
  void whenMfaIsOffThenThePasskeyIsASingleFactorWhateverTheFactorConfiguration() {
    String poolId =
        pool(
            UserPoolMfaType.OFF,
            WebAuthnFactorConfigurationType.MULTI_FACTOR_WITH_USER_VERIFICATION);
    String clientId = client(poolId);
    Member ida = memberWithPasskey(poolId, clientId, "ida");

    RespondToAuthChallengeResponse tokens = singleFactorSignIn(clientId, ida);
    assertNull(tokens.challengeName());
    assertNotNull(tokens.authenticationResult().idToken());
  }

  @Test
  void whenAUserTurnsMfaOnThenOneTimeCodesAreNoLongerAFirstFactor() {
    String poolId =
        PasskeyFixtures.pool(cognito, AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));
    String clientId = client(poolId);
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "eve",
        AttributeType.builder().name("email").value("eve@example.com").build(),
        AttributeType.builder().name("email_verified").value("true").build());
    assertEquals(
        List.of(
            ChallengeNameType.PASSWORD,
            ChallengeNameType.PASSWORD_SRP,
            ChallengeNameType.EMAIL_OTP),
        available(clientId, "eve"));
    String accessToken =
        SignInFixtures.passwordSignIn(cognito, clientId, "eve", PASSWORD)
            .authenticationResult()
            .accessToken();

    enrolTotp(new Member("eve", accessToken, null, null));

    assertEquals(PASSWORD_ONLY, available(clientId, "eve"));
    assertRefused(
        InvalidParameterException.class,
        PASSWORD_REQUIRED,
        () -> userAuth(clientId, Map.of("USERNAME", "eve", "PREFERRED_CHALLENGE", "EMAIL_OTP")));
  }
}
