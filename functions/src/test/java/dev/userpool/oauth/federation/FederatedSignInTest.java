package dev.userpool.oauth.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.FederatedLink;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import dev.userpool.oauth.AuthorizationCodes;
import dev.userpool.operations.Dependencies;
import dev.userpool.operations.auth.DirectoryAccounts;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.triggers.TriggerFailure;
import dev.userpool.triggers.TriggerInvoker;
import dev.userpool.triggers.Triggers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The completion step of every federation protocol, over the embedded store: which user an external
 * identity becomes, the triggers of a first sign-in, links, and the redirect to the app client.
 */
class FederatedSignInTest {
  private static final String POOL = "us-east-1_Federat1";
  private static final String CLIENT = "fedclient0000000000000001";
  // the store reads expiry against the real clock, so codes are issued "now"
  private static final Instant NOW =
      Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  /** The pool's trigger functions as Lambda would run them: each call recorded, answer = event. */
  private final List<JsonNode> invoked = new ArrayList<>();

  private TriggerFailure failNext;
  private Dependencies d;
  private UserPool pool;
  private FederatedSignIn signIn;
  private IdentityProvider corp;

  @BeforeEach
  void wire() {
    Clock clock = Clock.systemUTC();
    AppConfig config =
        new AppConfig(
            "memory", null, null, null, AppConfig.DEFAULT_ACCOUNT, AppConfig.DEFAULT_REGION, null);
    d =
        new Wiring(
                config, clock, EmbeddedItemTable.inMemory(clock), RequestAuthenticator.ACCEPT_ALL)
            .dependencies();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(
        "LambdaConfig",
        Map.of(
            "PreSignUp", "arn:aws:lambda:us-east-1:123456789012:function:pre",
            "PostConfirmation", "arn:aws:lambda:us-east-1:123456789012:function:post"));
    d.pools()
        .create(
            new UserPool(
                POOL,
                "p",
                "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL,
                NOW,
                NOW,
                settings,
                Map.of(),
                0));
    pool = d.pools().find(POOL).orElseThrow();
    d.clients()
        .create(
            new AppClient(
                POOL,
                CLIENT,
                "web",
                null,
                NOW,
                NOW,
                Map.of(
                    "SupportedIdentityProviders", List.of("Corp"),
                    "CallbackURLs", List.of("https://app.example/cb")),
                0,
                null));
    corp =
        new IdentityProvider(
            POOL,
            "Corp",
            "OIDC",
            Map.of("client_id", "c", "oidc_issuer", "https://idp.example"),
            Map.of("email", "email", "name", "name", "username", "sub"),
            List.of(),
            NOW,
            NOW,
            0);
    d.identityProviders().create(corp);
    TriggerInvoker lambda =
        (arn, event, timeout) -> {
          invoked.add(Json.read(event));
          if (failNext != null) {
            TriggerFailure f = failNext;
            failNext = null;
            throw f;
          }
          return event;
        };
    signIn =
        new FederatedSignIn(
            d.lookups(),
            d.identityProviders(),
            new UserDirectory(d.users()),
            d.oauth().federatedLinks(),
            new Triggers(lambda, Duration.ofSeconds(5), null),
            new AuthorizationCodes(d.oauth().authorizationCodes(), d.random()),
            d.signIn()
                .oauth(
                    new DirectoryAccounts(new UserDirectory(d.users())),
                    d.tokens(),
                    d.random(),
                    d.config().limits().signInAttempts()),
            d.random());
  }

  private static ExternalIdentity alice(String email) {
    return new ExternalIdentity(
        "Corp",
        "OIDC",
        "s-1",
        "https://idp.example",
        Map.of("sub", "s-1", "email", email, "name", "Alice"));
  }

  @Test
  void whenIdentitySignsInFirstThenUserIsCreatedAsExternalProviderAfterBothTriggers() {
    User user = signIn.signIn(pool, CLIENT, corp, alice("a@example.com"), NOW);

    assertEquals("Corp_s-1", user.username());
    assertEquals(UserStatus.EXTERNAL_PROVIDER, user.status());
    assertNull(user.password());
    assertEquals("a@example.com", user.attribute("email"));
    assertEquals("Alice", user.attribute("name"));
    JsonNode identities = Json.read(user.attribute("identities"));
    assertEquals(1, identities.size());
    JsonNode id = identities.get(0);
    assertEquals("s-1", id.get("userId").asText());
    assertEquals("Corp", id.get("providerName").asText());
    assertEquals("OIDC", id.get("providerType").asText());
    assertEquals("https://idp.example", id.get("issuer").asText());
    assertTrue(id.get("primary").asBoolean());
    assertEquals(NOW.toEpochMilli(), id.get("dateCreated").asLong());

    assertEquals(2, invoked.size());
    assertEquals("PreSignUp_ExternalProvider", invoked.get(0).get("triggerSource").asText());
    assertEquals("Corp_s-1", invoked.get(0).get("userName").asText());
    assertEquals("a@example.com", invoked.get(0).at("/request/userAttributes/email").asText());
    assertEquals("PostConfirmation_ConfirmSignUp", invoked.get(1).get("triggerSource").asText());
    assertEquals(CLIENT, invoked.get(1).at("/callerContext/clientId").asText());
  }

  @Test
  void whenIdentitySignsInAgainThenTheSameUserIsUpdatedWithoutTriggers() {
    User first = signIn.signIn(pool, CLIENT, corp, alice("a@example.com"), NOW);
    invoked.clear();

    User again = signIn.signIn(pool, CLIENT, corp, alice("new@example.com"), NOW.plusSeconds(60));

    assertEquals(first.sub(), again.sub());
    assertEquals("new@example.com", again.attribute("email"));
    assertEquals(first.attribute("identities"), again.attribute("identities"));
    assertEquals(1, d.users().count(POOL));
    assertTrue(invoked.isEmpty());
  }

  @Test
  void whenPreSignUpFailsThenNoUserIsCreated() {
    failNext = TriggerFailure.functionError("no external users");
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> signIn.signIn(pool, CLIENT, corp, alice("a@example.com"), NOW));
    assertEquals("UserLambdaValidationException", e.code().wireName());
    assertEquals(0, d.users().count(POOL));
  }

  @Test
  void whenIdentityIsLinkedThenItSignsInAsTheNativeUserWithoutTriggers() {
    User native_ =
        d.users()
            .create(
                new User(
                    POOL,
                    "alice",
                    "sub-native",
                    Map.of("sub", "sub-native", "email", "alice@example.com"),
                    true,
                    UserStatus.CONFIRMED,
                    NOW,
                    NOW,
                    null,
                    Map.of(),
                    0),
                java.util.Set.of(
                    new dev.userpool.domain.UniqueKey(
                        dev.userpool.domain.UniqueKey.Kind.USERNAME, "alice")));
    d.oauth().federatedLinks().create(new FederatedLink(POOL, "Corp", "s-1", native_.sub(), NOW));

    User user = signIn.signIn(pool, CLIENT, corp, alice("a@example.com"), NOW);

    assertEquals("alice", user.username());
    assertEquals(UserStatus.CONFIRMED, user.status());
    assertEquals("alice@example.com", user.attribute("email"));
    assertTrue(IdentitiesAttribute.contains(user.attribute("identities"), "Corp", "s-1"));
    assertFalse(Json.read(user.attribute("identities")).get(0).get("primary").asBoolean());
    assertEquals(1, d.users().count(POOL));
    assertTrue(invoked.isEmpty());
  }

  @Test
  void whenNativeUserHasTheSameEmailInAnEmailUsernamePoolThenTheFederatedUserIsStillCreated() {
    Map<String, Object> settings = new LinkedHashMap<>(pool.settings());
    settings.put("UsernameAttributes", List.of("email"));
    pool = d.pools().update(pool.withSettings(settings, NOW));
    User native_ =
        new User(
            POOL,
            "sub-native",
            "sub-native",
            Map.of("sub", "sub-native", "email", "a@example.com"),
            true,
            UserStatus.CONFIRMED,
            NOW,
            NOW,
            null,
            Map.of(),
            0);
    d.users().create(native_, UserDirectory.keys(pool, native_));

    User federated = signIn.signIn(pool, CLIENT, corp, alice("a@example.com"), NOW);

    assertEquals("Corp_s-1", federated.username());
    assertEquals("a@example.com", federated.attribute("email"));
    assertEquals(2, d.users().count(POOL));
    // the email still signs in the native user only
    assertEquals(
        "sub-native", new UserDirectory(d.users()).find(pool, "a@example.com").orElseThrow().sub());
  }

  @Test
  void whenFederatedUserIsDisabledThenItCannotSignIn() {
    User user = signIn.signIn(pool, CLIENT, corp, alice("a@example.com"), NOW);
    d.users()
        .update(
            user,
            UserDirectory.keys(pool, user),
            user.withEnabled(false, NOW),
            UserDirectory.keys(pool, user));
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> signIn.signIn(pool, CLIENT, corp, alice("a@example.com"), NOW));
    assertEquals("User is disabled.", e.getMessage());
  }

  private static PendingAuthorization pending(String responseType) {
    return new PendingAuthorization(
        POOL,
        CLIENT,
        "Corp",
        responseType,
        "https://app.example/cb",
        "client state",
        List.of("openid", "email"),
        "client-nonce",
        null,
        "idp-nonce",
        NOW.plusSeconds(600));
  }

  @Test
  void whenSignInCompletesThenClientGetsAStoredCodeForTheUserAndItsState() {
    ApiResponse response = signIn.complete(pending("code"), alice("a@example.com"), NOW, null);

    assertEquals(302, response.status());
    URI location = URI.create(response.headers().get("Location"));
    assertEquals("app.example", location.getHost());
    Map<String, String> query = query(location.getRawQuery());
    assertEquals("client state", query.get("state"));
    var code =
        d.oauth()
            .authorizationCodes()
            .consume(POOL, AuthorizationCodes.hash(query.get("code")))
            .orElseThrow();
    User user = d.users().findBySub(POOL, code.sub()).orElseThrow();
    assertEquals("Corp_s-1", user.username());
    assertEquals("client-nonce", code.nonce());
    assertEquals(List.of("openid", "email"), code.scopes());
  }

  @Test
  void whenImplicitFlowCompletesThenTokensOfTheFederatedUserAreInTheFragment() {
    ApiResponse response =
        signIn.complete(pending("token"), alice("a@example.com"), NOW, "https://auth.example.com");

    assertEquals(302, response.status());
    URI location = URI.create(response.headers().get("Location"));
    Map<String, String> fragment = query(location.getRawFragment());
    assertEquals("client state", fragment.get("state"));
    assertEquals("Bearer", fragment.get("token_type"));
    JsonNode id =
        Json.read(
            new String(
                java.util.Base64.getUrlDecoder().decode(fragment.get("id_token").split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("Corp_s-1", id.get("cognito:username").asText());
    assertEquals("client-nonce", id.get("nonce").asText());
    assertEquals("Corp", id.get("identities").get(0).get("providerName").asText());
  }

  @Test
  void whenUserCannotSignInThenClientGetsCognitosErrorRedirect() {
    failNext = TriggerFailure.functionError("nope");
    ApiResponse response = signIn.complete(pending("code"), alice("a@example.com"), NOW, null);

    assertEquals(302, response.status());
    String location = response.headers().get("Location");
    Map<String, String> query = query(URI.create(location).getRawQuery());
    assertEquals("invalid_request", query.get("error"));
    assertEquals("client state", query.get("state"));
    assertTrue(query.get("error_description").startsWith("PreSignUp failed with error nope"));
    assertFalse(query.containsKey("code"));
  }

  @Test
  void whenStateIsSealedThenOnlyTheUnalteredUnexpiredStateOpens() {
    FederationState states = new FederationState(d.signIn().deploymentKeys(), d.random());
    String sealed = states.seal(pending("code"));

    assertEquals(pending("code"), states.open(sealed, NOW).orElseThrow());
    assertTrue(states.open(sealed, NOW.plusSeconds(600)).isEmpty());
    char[] chars = sealed.toCharArray();
    chars[20] = chars[20] == 'A' ? 'B' : 'A';
    assertTrue(states.open(new String(chars), NOW).isEmpty());
    assertTrue(states.open("not-a-state", NOW).isEmpty());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          pair.substring(0, eq),
          java.net.URLDecoder.decode(
              pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }
}
