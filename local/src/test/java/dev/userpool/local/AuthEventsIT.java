package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListUserAuthEventsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeName;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ContextDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeedbackValueType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskDecisionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskExceptionConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolAddOnNotEnabledException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Threat protection's auth events and blocked IP ranges through the SDK v2 client: recorded only in
 * AUDIT and ENFORCED pools, listed newest first with pages, feedback by an administrator and
 * refused with a wrong token, and sign-ins from a blocked range (the caller's address, or an admin
 * call's ContextData) refused in ENFORCED pools and recorded.
 */
class AuthEventsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private record Setup(String poolId, String clientId) {}

  private Setup pool(AdvancedSecurityModeType mode) {
    Consumer<
            software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest
                .Builder>
        settings =
            mode == null
                ? b -> {}
                : b ->
                    b.userPoolTier(UserPoolTierType.PLUS)
                        .userPoolAddOns(a -> a.advancedSecurityMode(mode));
    String poolId = SignInFixtures.pool(cognito, settings);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(cognito, poolId, "alice");
    return new Setup(poolId, clientId);
  }

  private List<AuthEventType> events(Setup s) {
    return cognito
        .adminListUserAuthEvents(b -> b.userPoolId(s.poolId()).username("alice"))
        .authEvents();
  }

  private static ContextDataType contextFrom(String ip) {
    return ContextDataType.builder()
        .ipAddress(ip)
        .serverName("app.example.com")
        .serverPath("/sign-in")
        .httpHeaders(h -> h.headerName("User-Agent").headerValue("Mozilla/5.0"))
        .build();
  }

  private void adminSignIn(Setup s, String ip) {
    cognito.adminInitiateAuth(
        b ->
            b.userPoolId(s.poolId())
                .clientId(s.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", SignInFixtures.PASSWORD))
                .contextData(contextFrom(ip)));
  }

  @Test
  void whenThreatProtectionIsOffThenNoEventsAreKeptAndTheOperationsAreRefused() {
    Setup s = pool(null);
    SignInFixtures.passwordSignIn(cognito, s.clientId(), "alice", SignInFixtures.PASSWORD);

    assertThrows(UserPoolAddOnNotEnabledException.class, () -> events(s));
    assertThrows(
        UserPoolAddOnNotEnabledException.class,
        () ->
            cognito.adminUpdateAuthEventFeedback(
                b ->
                    b.userPoolId(s.poolId())
                        .username("alice")
                        .eventId("00000000-0000-0000-0000-000000000000")
                        .feedbackValue(FeedbackValueType.VALID)));
  }

  @Test
  void whenAuditThenEachPasswordSignInIsRecordedNewestFirstWithItsOutcomeAndAddress() {
    Setup s = pool(AdvancedSecurityModeType.AUDIT);
    assertTrue(events(s).isEmpty());

    assertThrows(
        NotAuthorizedException.class,
        () -> SignInFixtures.passwordSignIn(cognito, s.clientId(), "alice", "Wr0ng-Password!"));
    SignInFixtures.passwordSignIn(cognito, s.clientId(), "alice", SignInFixtures.PASSWORD);
    adminSignIn(s, "198.51.100.9");

    List<AuthEventType> events = events(s);
    assertEquals(3, events.size());
    AuthEventType admin = events.get(0);
    AuthEventType passed = events.get(1);
    AuthEventType failed = events.get(2);
    assertEquals("198.51.100.9", admin.eventContextData().ipAddress());
    assertEquals(EventType.SIGN_IN, passed.eventType());
    assertEquals(EventResponseType.PASS, passed.eventResponse());
    assertEquals(RiskDecisionType.NO_RISK, passed.eventRisk().riskDecision());
    assertEquals(ChallengeName.PASSWORD, passed.challengeResponses().get(0).challengeName());
    assertEquals(ChallengeResponse.SUCCESS, passed.challengeResponses().get(0).challengeResponse());
    assertEquals("127.0.0.1", passed.eventContextData().ipAddress());
    assertEquals(EventResponseType.FAIL, failed.eventResponse());
    assertEquals(ChallengeResponse.FAILURE, failed.challengeResponses().get(0).challengeResponse());
    assertTrue(!passed.creationDate().isBefore(failed.creationDate()));
    assertNull(passed.eventFeedback());
    assertEquals(3, events.stream().map(AuthEventType::eventId).distinct().count());
  }

  @Test
  void whenAUserSignsUpResendsACodeRecoversAndChangesThePasswordThenEachIsAnEvent() {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.userPoolTier(UserPoolTierType.PLUS)
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.AUDIT)));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    AttributeType email = AttributeType.builder().name("email").value("bob@example.com").build();
    cognito.signUp(
        b ->
            b.clientId(clientId)
                .username("bob")
                .password(SignInFixtures.PASSWORD)
                .userAttributes(email));
    cognito.resendConfirmationCode(b -> b.clientId(clientId).username("bob"));
    cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username("bob"));
    cognito.adminUpdateUserAttributes(
        b ->
            b.userPoolId(poolId)
                .username("bob")
                .userAttributes(
                    AttributeType.builder().name("email_verified").value("true").build()));
    cognito.forgotPassword(b -> b.clientId(clientId).username("bob"));
    String accessToken =
        SignInFixtures.passwordSignIn(cognito, clientId, "bob", SignInFixtures.PASSWORD)
            .authenticationResult()
            .accessToken();
    assertThrows(
        NotAuthorizedException.class,
        () ->
            cognito.changePassword(
                b ->
                    b.accessToken(accessToken)
                        .previousPassword("Wr0ng-Password!")
                        .proposedPassword("N3w-Password!")));
    cognito.changePassword(
        b ->
            b.accessToken(accessToken)
                .previousPassword(SignInFixtures.PASSWORD)
                .proposedPassword("N3w-Password!"));

    List<AuthEventType> events =
        cognito.adminListUserAuthEvents(b -> b.userPoolId(poolId).username("bob")).authEvents();
    assertEquals(
        List.of(
            EventType.PASSWORD_CHANGE,
            EventType.PASSWORD_CHANGE,
            EventType.SIGN_IN,
            EventType.FORGOT_PASSWORD,
            EventType.RESEND_CODE,
            EventType.SIGN_UP),
        events.stream().map(AuthEventType::eventType).toList());
    assertEquals(
        List.of(EventResponseType.PASS, EventResponseType.FAIL),
        events.subList(0, 2).stream().map(AuthEventType::eventResponse).toList());
  }

  @Test
  void whenThereAreMoreEventsThanMaxResultsThenNextTokenPagesThroughAll() {
    Setup s = pool(AdvancedSecurityModeType.ENFORCED);
    for (int i = 0; i < 5; i++) {
      SignInFixtures.passwordSignIn(cognito, s.clientId(), "alice", SignInFixtures.PASSWORD);
    }
    List<String> ids = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      AdminListUserAuthEventsResponse page =
          cognito.adminListUserAuthEvents(
              b -> b.userPoolId(s.poolId()).username("alice").maxResults(2).nextToken(next));
      sizes.add(page.authEvents().size());
      page.authEvents().forEach(e -> ids.add(e.eventId()));
      token = page.nextToken();
    } while (token != null);

    assertEquals(List.of(2, 2, 1), sizes);
    assertEquals(5, ids.stream().distinct().count());
    assertEquals(ids, events(s).stream().map(AuthEventType::eventId).toList());
  }

  @Test
  void whenAnAdministratorGivesFeedbackThenTheEventShowsItAndAWrongTokenIsRefused() {
    Setup s = pool(AdvancedSecurityModeType.AUDIT);
    SignInFixtures.passwordSignIn(cognito, s.clientId(), "alice", SignInFixtures.PASSWORD);
    String eventId = events(s).get(0).eventId();

    cognito.adminUpdateAuthEventFeedback(
        b ->
            b.userPoolId(s.poolId())
                .username("alice")
                .eventId(eventId)
                .feedbackValue(FeedbackValueType.INVALID));
    AuthEventType event = events(s).get(0);
    assertEquals(FeedbackValueType.INVALID, event.eventFeedback().feedbackValue());
    assertEquals("Admin", event.eventFeedback().provider());
    assertNotNull(event.eventFeedback().feedbackDate());

    assertThrows(
        NotAuthorizedException.class,
        () ->
            cognito.updateAuthEventFeedback(
                b ->
                    b.userPoolId(s.poolId())
                        .username("alice")
                        .eventId(eventId)
                        .feedbackToken("not-the-token")
                        .feedbackValue(FeedbackValueType.VALID)));
    assertEquals(FeedbackValueType.INVALID, events(s).get(0).eventFeedback().feedbackValue());
    assertThrows(
        ResourceNotFoundException.class,
        () ->
            cognito.adminUpdateAuthEventFeedback(
                b ->
                    b.userPoolId(s.poolId())
                        .username("alice")
                        .eventId("00000000-0000-0000-0000-000000000000")
                        .feedbackValue(FeedbackValueType.VALID)));
  }

  @Test
  void whenTheCallerIsInABlockedRangeOfAnEnforcedPoolThenSignInIsRefusedAndRecorded() {
    Setup s = pool(AdvancedSecurityModeType.ENFORCED);
    cognito.setRiskConfiguration(
        b ->
            b.userPoolId(s.poolId())
                .riskExceptionConfiguration(r -> r.blockedIPRangeList("127.0.0.0/8")));

    NotAuthorizedException refused =
        assertThrows(
            NotAuthorizedException.class,
            () ->
                SignInFixtures.passwordSignIn(
                    cognito, s.clientId(), "alice", SignInFixtures.PASSWORD));
    assertEquals(
        "Request not allowed due to security reasons.", refused.awsErrorDetails().errorMessage());
    assertThrows(
        NotAuthorizedException.class,
        () ->
            cognito.initiateAuth(
                b ->
                    b.clientId(s.clientId())
                        .authFlow(AuthFlowType.USER_SRP_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "SRP_A", "abcdef"))));

    AuthEventType blocked = events(s).get(0);
    assertEquals(EventResponseType.FAIL, blocked.eventResponse());
    assertEquals(RiskDecisionType.BLOCK, blocked.eventRisk().riskDecision());
    assertEquals("127.0.0.1", blocked.eventContextData().ipAddress());

    // an admin call's ContextData names the user's address; the caller's own is not looked at
    adminSignIn(s, "198.51.100.20");
    assertEquals(EventResponseType.PASS, events(s).get(0).eventResponse());
  }

  @Test
  void whenAnAdminCallCarriesABlockedAddressThenItIsRefusedUnlessTheRangeIsSkipped() {
    Setup s = pool(AdvancedSecurityModeType.ENFORCED);
    cognito.setRiskConfiguration(
        b ->
            b.userPoolId(s.poolId())
                .riskExceptionConfiguration(r -> r.blockedIPRangeList("203.0.113.0/24")));
    assertThrows(NotAuthorizedException.class, () -> adminSignIn(s, "203.0.113.5"));
    SignInFixtures.passwordSignIn(cognito, s.clientId(), "alice", SignInFixtures.PASSWORD);

    cognito.setRiskConfiguration(
        b ->
            b.userPoolId(s.poolId())
                .riskExceptionConfiguration(
                    RiskExceptionConfigurationType.builder()
                        .blockedIPRangeList("203.0.113.0/24")
                        .skippedIPRangeList("203.0.113.5/32")
                        .build()));
    adminSignIn(s, "203.0.113.5");
    assertEquals(EventResponseType.PASS, events(s).get(0).eventResponse());
  }

  @Test
  void whenTheHostedSignInPageIsUsedFromABlockedRangeThenItIsRefusedAndRecorded() throws Exception {
    Setup s = pool(AdvancedSecurityModeType.ENFORCED);
    String callback = "http://localhost:3000/callback";
    cognito.createUserPoolDomain(
        r ->
            r.userPoolId(s.poolId())
                .domain(
                    "events-" + s.poolId().substring(s.poolId().indexOf('_') + 1).toLowerCase()));
    String webClient =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(s.poolId())
                        .clientName("web")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthFlowsUserPoolClient(true)
                        .allowedOAuthScopes("openid")
                        .callbackURLs(callback)
                        .supportedIdentityProviders("COGNITO"))
            .userPoolClient()
            .clientId();
    cognito.setRiskConfiguration(
        b ->
            b.userPoolId(s.poolId())
                .riskExceptionConfiguration(r -> r.blockedIPRangeList("127.0.0.0/8")));
    String login =
        server.endpoint()
            + "/login?"
            + HostedBrowser.encode(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    webClient,
                    "redirect_uri",
                    callback,
                    "scope",
                    "openid"));

    HttpResponse<String> refused =
        new HostedBrowser().signIn(login, "alice", SignInFixtures.PASSWORD);
    assertEquals(200, refused.statusCode());
    assertTrue(refused.body().contains("Request not allowed due to security reasons."));
    AuthEventType blocked = events(s).get(0);
    assertEquals(EventResponseType.FAIL, blocked.eventResponse());
    assertEquals(RiskDecisionType.BLOCK, blocked.eventRisk().riskDecision());

    cognito.setRiskConfiguration(
        b -> b.userPoolId(s.poolId()).riskExceptionConfiguration(r -> r.blockedIPRangeList()));
    HttpResponse<String> signedIn =
        new HostedBrowser().signIn(login, "alice", SignInFixtures.PASSWORD);
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    assertEquals(EventResponseType.PASS, events(s).get(0).eventResponse());
  }

  @Test
  void whenAnAuditPoolSeesABlockedAddressThenTheSignInGoesThroughMarkedBlock() {
    Setup s = pool(AdvancedSecurityModeType.AUDIT);
    cognito.setRiskConfiguration(
        b ->
            b.userPoolId(s.poolId())
                .riskExceptionConfiguration(r -> r.blockedIPRangeList("127.0.0.0/8")));

    SignInFixtures.passwordSignIn(cognito, s.clientId(), "alice", SignInFixtures.PASSWORD);

    AuthEventType event = events(s).get(0);
    assertEquals(EventResponseType.PASS, event.eventResponse());
    assertEquals(RiskDecisionType.BLOCK, event.eventRisk().riskDecision());
  }
}
