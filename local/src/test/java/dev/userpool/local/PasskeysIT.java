package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.testing.MutableClock;
import dev.userpool.testing.SoftwareAuthenticator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserVerificationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnChallengeNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnClientMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnConfigurationMissingException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialNotSupportedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnNotEnabledException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnOriginNotAllowedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnRelyingPartyMismatchException;

/**
 * Passkeys through the SDK v2 client, with a software authenticator that holds its own P-256 key
 * and signs honestly: StartWebAuthnRegistration / CompleteWebAuthnRegistration, listing with
 * pagination, deleting, and USER_AUTH's WEB_AUTHN first factor (preferred and chosen from
 * SELECT_CHALLENGE) — and every refusal: wrong or replayed challenge, wrong origin, wrong RP id,
 * counter regression, another user's passkey, another app client, expired challenge, passkeys off.
 */
class PasskeysIT {
  private static final MutableClock CLOCK = MutableClock.at("2026-01-10T09:00:00Z");
  private static final String RP_ID = "example.com";
  private static final String ORIGIN = "https://app.example.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension(CLOCK);

  private final CognitoIdentityProviderClient cognito = server.client();

  private String passkeyPool(List<AuthFactorType> factors, UserVerificationType uv) {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.userPoolTier(UserPoolTierType.ESSENTIALS)
                    .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(factors))));
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .webAuthnConfiguration(w -> w.relyingPartyId(RP_ID).userVerification(uv)));
    return poolId;
  }

  private String passkeyPool() {
    return passkeyPool(
        List.of(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN), UserVerificationType.PREFERRED);
  }

  private String client(String poolId) {
    return SignInFixtures.client(
            cognito,
            poolId,
            b ->
                b.explicitAuthFlows(
                    ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                    ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                    ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
        .clientId();
  }

  /** A user signed in with their password: the access token. */
  private String signedIn(String poolId, String clientId, String username) {
    SignInFixtures.confirmedUser(cognito, poolId, username);
    return SignInFixtures.passwordSignIn(cognito, clientId, username, PASSWORD)
        .authenticationResult()
        .accessToken();
  }

  private JsonNode startRegistration(String accessToken) {
    return WebAuthnJson.json(
        cognito
            .startWebAuthnRegistration(b -> b.accessToken(accessToken))
            .credentialCreationOptions());
  }

  private void completeRegistration(String accessToken, JsonNode credential) {
    cognito.completeWebAuthnRegistration(
        b -> b.accessToken(accessToken).credential(WebAuthnJson.document(credential)));
  }

  /** Registers the authenticator for the user; the WebAuthn user handle (user.id) it was given. */
  private byte[] register(String accessToken, SoftwareAuthenticator authenticator) {
    JsonNode options = startRegistration(accessToken);
    completeRegistration(accessToken, authenticator.register(options, ORIGIN));
    return Base64.getUrlDecoder().decode(options.path("user").path("id").asText());
  }

  private InitiateAuthResponse userAuth(String clientId, Map<String, String> parameters) {
    return cognito.initiateAuth(
        b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH).authParameters(parameters));
  }

  private InitiateAuthResponse webAuthnChallenge(String clientId, String username) {
    InitiateAuthResponse challenge =
        userAuth(clientId, Map.of("USERNAME", username, "PREFERRED_CHALLENGE", "WEB_AUTHN"));
    assertEquals(ChallengeNameType.WEB_AUTHN, challenge.challengeName());
    return challenge;
  }

  private RespondToAuthChallengeResponse answer(
      String clientId, String username, String session, JsonNode credential) {
    return cognito.respondToAuthChallenge(
        b ->
            b.clientId(clientId)
                .challengeName(ChallengeNameType.WEB_AUTHN)
                .session(session)
                .challengeResponses(
                    Map.of("USERNAME", username, "CREDENTIAL", credential.toString())));
  }

  private static JsonNode requestOptions(InitiateAuthResponse challenge) {
    return WebAuthnJson.read(challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"));
  }

  @Test
  void whenAPasskeyIsRegisteredThenItIsListedOfferedAndSignsInAsThePreferredChallenge() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    String accessToken = signedIn(poolId, clientId, "pia");
    assertEquals(
        List.of(AuthFactorType.PASSWORD),
        cognito.getUserAuthFactors(b -> b.accessToken(accessToken)).configuredUserAuthFactors());

    JsonNode options = startRegistration(accessToken);
    assertEquals(RP_ID, options.path("rp").path("id").asText());
    assertEquals("pia", options.path("user").path("name").asText());
    assertEquals(-7, options.path("pubKeyCredParams").get(0).path("alg").asInt());
    assertEquals(0, options.path("excludeCredentials").size());
    assertEquals(
        "preferred", options.path("authenticatorSelection").path("userVerification").asText());
    assertTrue(options.path("timeout").asLong() > 0);
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    ObjectNode registration = authenticator.register(options, ORIGIN);
    completeRegistration(accessToken, registration);
    byte[] userHandle = Base64.getUrlDecoder().decode(options.path("user").path("id").asText());

    List<WebAuthnCredentialDescription> listed =
        cognito.listWebAuthnCredentials(b -> b.accessToken(accessToken)).credentials();
    assertEquals(1, listed.size());
    WebAuthnCredentialDescription passkey = listed.get(0);
    assertEquals(authenticator.credentialId(), passkey.credentialId());
    assertEquals(RP_ID, passkey.relyingPartyId());
    assertEquals("platform", passkey.authenticatorAttachment());
    assertEquals(List.of("hybrid", "internal"), passkey.authenticatorTransports());
    assertEquals(CLOCK.instant(), passkey.createdAt());
    assertNotNull(passkey.friendlyCredentialName());
    assertEquals(
        List.of(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN),
        cognito.getUserAuthFactors(b -> b.accessToken(accessToken)).configuredUserAuthFactors());
    assertEquals(
        authenticator.credentialId(),
        startRegistration(accessToken).path("excludeCredentials").get(0).path("id").asText());

    InitiateAuthResponse challenge = webAuthnChallenge(clientId, "pia");
    JsonNode request = requestOptions(challenge);
    assertEquals(RP_ID, request.path("rpId").asText());
    assertEquals(
        authenticator.credentialId(), request.path("allowCredentials").get(0).path("id").asText());
    assertEquals("preferred", request.path("userVerification").asText());
    RespondToAuthChallengeResponse tokens =
        answer(
            clientId,
            "pia",
            challenge.session(),
            authenticator.assertion(request, ORIGIN, userHandle));

    assertEquals(
        "pia",
        cognito
            .getUser(b -> b.accessToken(tokens.authenticationResult().accessToken()))
            .username());
  }

  @Test
  void whenWebAuthnIsChosenFromSelectChallengeThenThePasskeySignsIn() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    byte[] userHandle = register(signedIn(poolId, clientId, "sam"), authenticator);

    InitiateAuthResponse select = userAuth(clientId, Map.of("USERNAME", "sam"));
    assertEquals(ChallengeNameType.SELECT_CHALLENGE, select.challengeName());
    assertEquals(
        List.of(
            ChallengeNameType.PASSWORD,
            ChallengeNameType.PASSWORD_SRP,
            ChallengeNameType.WEB_AUTHN),
        select.availableChallenges());
    RespondToAuthChallengeResponse webAuthn =
        cognito.respondToAuthChallenge(
            b ->
                b.clientId(clientId)
                    .challengeName(ChallengeNameType.SELECT_CHALLENGE)
                    .session(select.session())
                    .challengeResponses(Map.of("USERNAME", "sam", "ANSWER", "WEB_AUTHN")));
    assertEquals(ChallengeNameType.WEB_AUTHN, webAuthn.challengeName());
    JsonNode request =
        WebAuthnJson.read(webAuthn.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"));

    RespondToAuthChallengeResponse tokens =
        answer(
            clientId,
            "sam",
            webAuthn.session(),
            authenticator.assertion(request, ORIGIN, userHandle));
    assertNotNull(tokens.authenticationResult().refreshToken());
  }

  @Test
  void whenAUserHasSeveralPasskeysThenTheyArePagedAndTwentyIsTheLimit() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    String accessToken = signedIn(poolId, clientId, "paul");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
      register(accessToken, authenticator);
      ids.add(authenticator.credentialId());
    }

    List<String> seen = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      String token = next;
      ListWebAuthnCredentialsResponse page =
          cognito.listWebAuthnCredentials(
              b -> b.accessToken(accessToken).maxResults(7).nextToken(token));
      assertTrue(page.credentials().size() <= 7);
      page.credentials().forEach(c -> seen.add(c.credentialId()));
      next = page.nextToken();
      pages++;
    } while (next != null);
    assertEquals(3, pages);
    assertEquals(ids.stream().sorted().toList(), seen);

    assertThrows(LimitExceededException.class, () -> startRegistration(accessToken));
  }

  @Test
  void whenTheAssertionIsForAnotherChallengeOrTheSessionIsReplayedThenRefused() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    byte[] userHandle = register(signedIn(poolId, clientId, "wes"), authenticator);

    InitiateAuthResponse first = webAuthnChallenge(clientId, "wes");
    InitiateAuthResponse second = webAuthnChallenge(clientId, "wes");
    JsonNode signedForFirst = authenticator.assertion(requestOptions(first), ORIGIN, userHandle);
    assertThrows(
        NotAuthorizedException.class,
        () -> answer(clientId, "wes", second.session(), signedForFirst));

    answer(clientId, "wes", first.session(), signedForFirst);
    NotAuthorizedException replay =
        assertThrows(
            NotAuthorizedException.class,
            () -> answer(clientId, "wes", first.session(), signedForFirst));
    assertEquals(
        "Invalid session for the user, session can only be used once.",
        replay.awsErrorDetails().errorMessage());
  }

  @Test
  void whenTheOriginOrTheRelyingPartyIsWrongThenRegistrationAndSignInAreRefused() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    String accessToken = signedIn(poolId, clientId, "ora");
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

    JsonNode evilOrigin = startRegistration(accessToken);
    assertThrows(
        WebAuthnOriginNotAllowedException.class,
        () ->
            completeRegistration(
                accessToken, authenticator.register(evilOrigin, "https://example.com.evil.net")));
    JsonNode otherRp = startRegistration(accessToken);
    assertThrows(
        WebAuthnRelyingPartyMismatchException.class,
        () ->
            completeRegistration(
                accessToken, authenticator.register(otherRp, ORIGIN, "other.com", "none")));
    assertEquals(
        0, cognito.listWebAuthnCredentials(b -> b.accessToken(accessToken)).credentials().size());

    byte[] userHandle = register(accessToken, authenticator);
    InitiateAuthResponse wrongOrigin = webAuthnChallenge(clientId, "ora");
    assertThrows(
        NotAuthorizedException.class,
        () ->
            answer(
                clientId,
                "ora",
                wrongOrigin.session(),
                authenticator.assertion(
                    requestOptions(wrongOrigin), "https://phish.net", userHandle)));
    InitiateAuthResponse wrongRp = webAuthnChallenge(clientId, "ora");
    assertThrows(
        NotAuthorizedException.class,
        () ->
            answer(
                clientId,
                "ora",
                wrongRp.session(),
                authenticator.assertion(requestOptions(wrongRp), ORIGIN, "other.com", userHandle)));
  }

  @Test
  void whenThePoolMovesToAnotherRelyingPartyThenItsEarlierPasskeysAreNeitherOfferedNorAccepted() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    String accessToken = signedIn(poolId, clientId, "moe");
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    byte[] userHandle = register(accessToken, authenticator);
    InitiateAuthResponse before = webAuthnChallenge(clientId, "moe");

    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId).webAuthnConfiguration(w -> w.relyingPartyId("login.example.org")));

    assertEquals(
        List.of(AuthFactorType.PASSWORD),
        cognito.getUserAuthFactors(b -> b.accessToken(accessToken)).configuredUserAuthFactors());
    assertThrows(
        NotAuthorizedException.class,
        () ->
            answer(
                clientId,
                "moe",
                before.session(),
                authenticator.assertion(requestOptions(before), ORIGIN, userHandle)));
    assertEquals(
        "example.com",
        cognito
            .listWebAuthnCredentials(b -> b.accessToken(accessToken))
            .credentials()
            .get(0)
            .relyingPartyId());
  }

  @Test
  void whenTheSignCounterDoesNotGrowThenTheSignInIsRefused() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    byte[] userHandle = register(signedIn(poolId, clientId, "cai"), authenticator);
    InitiateAuthResponse ok = webAuthnChallenge(clientId, "cai");
    answer(
        clientId,
        "cai",
        ok.session(),
        authenticator.assertion(requestOptions(ok), ORIGIN, userHandle));

    authenticator.setCounter(0); // a cloned authenticator: its next counter (1) is not above 2
    InitiateAuthResponse cloned = webAuthnChallenge(clientId, "cai");
    assertThrows(
        NotAuthorizedException.class,
        () ->
            answer(
                clientId,
                "cai",
                cloned.session(),
                authenticator.assertion(requestOptions(cloned), ORIGIN, userHandle)));
  }

  @Test
  void whenAnotherUsersPasskeyIsPresentedOrDeletedThenRefusedAndTheOwnerCanDeleteIt() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    String aliceToken = signedIn(poolId, clientId, "alice");
    String bobToken = signedIn(poolId, clientId, "bob");
    SoftwareAuthenticator alices = new SoftwareAuthenticator();
    byte[] aliceHandle = register(aliceToken, alices);
    register(bobToken, new SoftwareAuthenticator());

    InitiateAuthResponse bobs = webAuthnChallenge(clientId, "bob");
    assertThrows(
        NotAuthorizedException.class,
        () ->
            answer(
                clientId,
                "bob",
                bobs.session(),
                alices.assertion(requestOptions(bobs), ORIGIN, aliceHandle)));
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            cognito.deleteWebAuthnCredential(
                b -> b.accessToken(bobToken).credentialId(alices.credentialId())));

    cognito.deleteWebAuthnCredential(
        b -> b.accessToken(aliceToken).credentialId(alices.credentialId()));
    assertEquals(
        0, cognito.listWebAuthnCredentials(b -> b.accessToken(aliceToken)).credentials().size());
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            cognito.deleteWebAuthnCredential(
                b -> b.accessToken(aliceToken).credentialId(alices.credentialId())));
    InitiateAuthResponse noPasskey =
        userAuth(clientId, Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "WEB_AUTHN"));
    assertEquals(ChallengeNameType.SELECT_CHALLENGE, noPasskey.challengeName());
    assertFalse(noPasskey.availableChallenges().contains(ChallengeNameType.WEB_AUTHN));
  }

  @Test
  void whenARegistrationChallengeIsReplayedExpiredOrUsedByAnotherClientThenRefused() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    String otherClientId = client(poolId);
    String accessToken = signedIn(poolId, clientId, "rex");
    String otherClientToken =
        SignInFixtures.passwordSignIn(cognito, otherClientId, "rex", PASSWORD)
            .authenticationResult()
            .accessToken();

    JsonNode options = startRegistration(accessToken);
    ObjectNode response = new SoftwareAuthenticator().register(options, ORIGIN);
    assertThrows(
        WebAuthnClientMismatchException.class,
        () -> completeRegistration(otherClientToken, response));
    assertThrows(
        WebAuthnChallengeNotFoundException.class,
        () -> completeRegistration(accessToken, response));

    JsonNode late = startRegistration(accessToken);
    CLOCK.advance(Duration.ofMinutes(6));
    assertThrows(
        WebAuthnChallengeNotFoundException.class,
        () ->
            completeRegistration(accessToken, new SoftwareAuthenticator().register(late, ORIGIN)));
  }

  @Test
  void whenTheCredentialIsNotAWebAuthnResponseThenInvalidParameterAndNothingIsStored() {
    String poolId = passkeyPool();
    String clientId = client(poolId);
    String accessToken = signedIn(poolId, clientId, "gil");
    startRegistration(accessToken);
    ObjectNode notWebAuthn = JSON.createObjectNode().put("id", "AQID").put("type", "public-key");
    assertThrows(
        InvalidParameterException.class, () -> completeRegistration(accessToken, notWebAuthn));
    assertThrows(
        InvalidParameterException.class,
        () ->
            cognito.completeWebAuthnRegistration(
                b -> b.accessToken(accessToken).credential(Document.fromString("passkey"))));
    assertEquals(
        0, cognito.listWebAuthnCredentials(b -> b.accessToken(accessToken)).credentials().size());

    SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
    register(accessToken, authenticator);
    InitiateAuthResponse challenge = webAuthnChallenge(clientId, "gil");
    assertThrows(
        InvalidParameterException.class,
        () -> answer(clientId, "gil", challenge.session(), notWebAuthn));
  }

  @Test
  void whenUserVerificationIsRequiredThenAnAuthenticatorWithoutItIsNotSupported() {
    String poolId =
        passkeyPool(
            List.of(AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN),
            UserVerificationType.REQUIRED);
    String clientId = client(poolId);
    String accessToken = signedIn(poolId, clientId, "uma");
    assertEquals(
        UserVerificationType.REQUIRED,
        cognito
            .getUserPoolMfaConfig(b -> b.userPoolId(poolId))
            .webAuthnConfiguration()
            .userVerification());
    JsonNode options = startRegistration(accessToken);
    assertEquals(
        "required", options.path("authenticatorSelection").path("userVerification").asText());

    SoftwareAuthenticator withoutPin = new SoftwareAuthenticator();
    withoutPin.setUserVerifying(false);
    assertThrows(
        WebAuthnCredentialNotSupportedException.class,
        () -> completeRegistration(accessToken, withoutPin.register(options, ORIGIN)));
  }

  @Test
  void whenPasskeysAreOffOrHaveNoRelyingPartyThenStartIsRefusedAndTheDomainIsTheDefault() {
    String noWebAuthn =
        passkeyPool(List.of(AuthFactorType.PASSWORD), UserVerificationType.PREFERRED);
    String offToken = signedIn(noWebAuthn, client(noWebAuthn), "off");
    assertThrows(WebAuthnNotEnabledException.class, () -> startRegistration(offToken));

    String noRp =
        SignInFixtures.pool(
            cognito,
            b ->
                b.userPoolTier(UserPoolTierType.ESSENTIALS)
                    .policies(
                        p ->
                            p.signInPolicy(
                                s ->
                                    s.allowedFirstAuthFactors(
                                        AuthFactorType.PASSWORD, AuthFactorType.WEB_AUTHN))));
    String noRpToken = signedIn(noRp, client(noRp), "nora");
    CognitoIdentityProviderException missing =
        assertThrows(
            WebAuthnConfigurationMissingException.class, () -> startRegistration(noRpToken));
    assertEquals(400, missing.statusCode());

    String prefix = "passkeys-" + Long.toHexString(System.nanoTime());
    cognito.createUserPoolDomain(b -> b.userPoolId(noRp).domain(prefix));
    assertEquals(
        prefix + ".auth.us-east-1.amazoncognito.com",
        startRegistration(noRpToken).path("rp").path("id").asText());
  }
}
