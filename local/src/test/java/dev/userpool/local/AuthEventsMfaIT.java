package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static dev.userpool.local.SignInFixtures.passwordSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/**
 * A TOTP sign-in of a pool in AUDIT mode leaves one SignIn event that the MFA answers continue:
 * InProgress after the password, still InProgress after a wrong code, Pass after the right one,
 * with Password and Mfa results in order. Codes are computed on the server's clock ({@link
 * TestTotp}).
 */
class AuthEventsMfaIT {
  private static final MutableClock CLOCK = MutableClock.at(Instant.now());

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  private RespondToAuthChallengeResponse answerTotp(String clientId, String session, String code) {
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                .session(session)
                .challengeResponses(Map.of("USERNAME", "tina", "SOFTWARE_TOKEN_MFA_CODE", code)));
  }

  @Test
  void whenATotpSignInGoesWrongThenRightThenOneEventShowsEachStep() {
    CLOCK.set(Instant.now());
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.userPoolTier(UserPoolTierType.PLUS)
                    .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.AUDIT)));
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "tina");
    String accessToken =
        passwordSignIn(cognito, clientId, "tina", PASSWORD).authenticationResult().accessToken();
    String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
    cognito.verifySoftwareToken(
        b -> b.accessToken(accessToken).userCode(TestTotp.code(secret, CLOCK.instant())));
    cognito.setUserMFAPreference(
        b ->
            b.accessToken(accessToken)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    CLOCK.advance(Duration.ofSeconds(30));

    String session = passwordSignIn(cognito, clientId, "tina", PASSWORD).session();
    CLOCK.advance(Duration.ofSeconds(1));
    assertThrows(
        CodeMismatchException.class,
        () -> answerTotp(clientId, session, TestTotp.wrongCode(secret, CLOCK.instant())));
    assertEquals(EventResponseType.IN_PROGRESS, newest(poolId).eventResponse());
    assertNotNull(
        answerTotp(clientId, session, TestTotp.code(secret, CLOCK.instant()))
            .authenticationResult());

    List<AuthEventType> events =
        cognito.adminListUserAuthEvents(b -> b.userPoolId(poolId).username("tina")).authEvents();
    assertEquals(2, events.size(), "the enrolment sign-in and the MFA sign-in");
    AuthEventType mfa = events.get(0);
    assertEquals(EventResponseType.PASS, mfa.eventResponse());
    assertEquals(
        List.of("Password:Success", "Mfa:Failure", "Mfa:Success"),
        mfa.challengeResponses().stream().map(AuthEventsMfaIT::text).toList());
  }

  private AuthEventType newest(String poolId) {
    return cognito
        .adminListUserAuthEvents(b -> b.userPoolId(poolId).username("tina").maxResults(1))
        .authEvents()
        .get(0);
  }

  private static String text(ChallengeResponseType c) {
    return c.challengeNameAsString() + ":" + c.challengeResponseAsString();
  }
}
