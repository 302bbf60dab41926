package dev.userpool.store.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.AuthorizationCode;
import dev.userpool.domain.FederatedLink;
import dev.userpool.domain.Page;
import dev.userpool.domain.PoolDomain;
import dev.userpool.domain.ResourceServer;
import dev.userpool.domain.SamlRequest;
import dev.userpool.domain.UserPool;
import dev.userpool.store.AuthorizationCodeStore;
import dev.userpool.store.DomainStore;
import dev.userpool.store.FederatedLinkStore;
import dev.userpool.store.ResourceServerStore;
import dev.userpool.store.SamlRequestStore;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.UserPoolStore;
import dev.userpool.store.table.ItemTable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the domain, resource server and authorization code stores, run against every
 * backend.
 */
public abstract class OAuthStoresContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  protected abstract ItemTable newTable();

  private UserPoolStore pools;
  private DomainStore domains;
  private ResourceServerStore servers;
  private AuthorizationCodeStore codes;
  private FederatedLinkStore links;
  private SamlRequestStore samlRequests;

  @BeforeEach
  void stores() {
    ItemTable table = newTable();
    pools = new ItemUserPoolStore(table);
    domains = new ItemDomainStore(table);
    servers = new ItemResourceServerStore(table);
    codes = new ItemAuthorizationCodeStore(table);
    links = new ItemFederatedLinkStore(table);
    samlRequests = new ItemSamlRequestStore(table);
  }

  private UserPool pool(String id) {
    UserPool pool =
        new UserPool(
            id,
            "p",
            "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + id,
            T0,
            T0,
            Map.of("MfaConfiguration", "OFF"),
            Map.of(),
            0);
    pools.create(pool);
    return pools.find(id).orElseThrow();
  }

  private static UserPool naming(UserPool pool, String member, String domain) {
    Map<String, Object> settings = new LinkedHashMap<>(pool.settings());
    settings.put(member, domain);
    return pool.withSettings(settings, T0);
  }

  @Test
  void whenDomainIsClaimedThenPoolNamesItAndNoOtherPoolCanClaimIt() {
    UserPool a = pool("us-east-1_A");
    UserPool b = pool("us-east-1_B");
    PoolDomain d = new PoolDomain("shared", a.id(), null, 1, T0, 0);
    assertTrue(domains.create(d, a, naming(a, "Domain", "shared")));
    assertEquals("shared", pools.find(a.id()).orElseThrow().settings().get("Domain"));
    assertEquals(a.id(), domains.find("shared").orElseThrow().userPoolId());

    assertFalse(
        domains.create(
            new PoolDomain("shared", b.id(), null, 1, T0, 0), b, naming(b, "Domain", "shared")));
    assertNull(pools.find(b.id()).orElseThrow().settings().get("Domain"));
  }

  @Test
  void whenPoolChangedSinceReadThenClaimIsStaleAndWritesNothing() {
    UserPool a = pool("us-east-1_A");
    pools.update(a.withSettings(Map.of("MfaConfiguration", "ON"), T0));
    assertThrows(
        StaleWriteException.class,
        () ->
            domains.create(
                new PoolDomain("x", a.id(), null, 1, T0, 0), a, naming(a, "Domain", "x")));
    assertTrue(domains.find("x").isEmpty());
  }

  @Test
  void whenDomainIsUpdatedAndDeletedThenPoolAndNameFollow() {
    UserPool a = pool("us-east-1_A");
    PoolDomain d = new PoolDomain("auth.example.com", a.id(), "arn:cert:1", 1, T0, 0);
    domains.create(d, a, naming(a, "CustomDomain", "auth.example.com"));
    PoolDomain read = domains.find("auth.example.com").orElseThrow();
    PoolDomain updated = domains.update(read, read.with("arn:cert:2", 2));
    assertEquals("arn:cert:2", domains.find("auth.example.com").orElseThrow().certificateArn());
    assertThrows(StaleWriteException.class, () -> domains.update(read, read.with("arn:cert:3", 2)));

    UserPool current = pools.find(a.id()).orElseThrow();
    domains.delete(updated, current, current.withSettings(Map.of("MfaConfiguration", "OFF"), T0));
    assertTrue(domains.find("auth.example.com").isEmpty());
    assertNull(pools.find(a.id()).orElseThrow().settings().get("CustomDomain"));
  }

  @Test
  void whenPoolIsDeletedThenItsDomainIsReleased() {
    UserPool a = pool("us-east-1_A");
    domains.create(new PoolDomain("bye", a.id(), null, 1, T0, 0), a, naming(a, "Domain", "bye"));
    pools.delete(pools.find(a.id()).orElseThrow());
    assertTrue(domains.find("bye").isEmpty());
  }

  @Test
  void whenResourceServersAreWrittenThenTheyReadBackPageAndDelete() {
    ResourceServer api =
        new ResourceServer(
            "us-east-1_A",
            "https://api",
            "API",
            List.of(new ResourceServer.Scope("read", "r"), new ResourceServer.Scope("write", "w")),
            0);
    assertTrue(servers.create(api));
    assertFalse(servers.create(api));
    assertTrue(
        servers.create(new ResourceServer("us-east-1_A", "billing", "Billing", List.of(), 0)));
    ResourceServer read = servers.find("us-east-1_A", "https://api").orElseThrow();
    assertEquals(List.of("https://api/read", "https://api/write"), read.scopeNames());

    Page<ResourceServer> first = servers.list("us-east-1_A", 1, null);
    assertEquals("billing", first.items().get(0).identifier());
    Page<ResourceServer> second = servers.list("us-east-1_A", 1, first.nextToken());
    assertEquals("https://api", second.items().get(0).identifier());
    assertNull(second.nextToken());
    assertEquals(2, servers.count("us-east-1_A", 25));

    servers.update(
        read, new ResourceServer("us-east-1_A", "https://api", "API 2", List.of(), read.version()));
    assertThrows(StaleWriteException.class, () -> servers.update(read, read));
    assertEquals("API 2", servers.find("us-east-1_A", "https://api").orElseThrow().name());
    servers.delete(read);
    assertTrue(servers.find("us-east-1_A", "https://api").isEmpty());
  }

  @Test
  void whenCodeIsConsumedThenItIsGoneAndASecondConsumeFindsNothing() {
    Instant future = Instant.now().plusSeconds(300);
    AuthorizationCode code =
        new AuthorizationCode(
            "us-east-1_A",
            "h1",
            "client",
            "sub-1",
            "https://app/cb",
            List.of("openid", "email"),
            "n-1",
            "challenge",
            T0,
            future);
    codes.create(code);
    AuthorizationCode read = codes.consume("us-east-1_A", "h1").orElseThrow();
    assertEquals(List.of("openid", "email"), read.scopes());
    assertEquals("n-1", read.nonce());
    assertEquals("challenge", read.codeChallenge());
    assertEquals("https://app/cb", read.redirectUri());
    assertTrue(codes.consume("us-east-1_A", "h1").isEmpty());
  }

  @Test
  void whenCodeHasExpiredThenItCannotBeConsumed() {
    codes.create(
        new AuthorizationCode(
            "us-east-1_A",
            "h2",
            "client",
            "sub-1",
            "https://app/cb",
            List.of(),
            null,
            null,
            T0,
            Instant.now().minusSeconds(1)));
    assertTrue(codes.consume("us-east-1_A", "h2").isEmpty());
  }

  @Test
  void whenIdentityIsLinkedThenItReadsBackAndCannotBeLinkedToAnotherUser() {
    assertTrue(links.create(new FederatedLink("us-east-1_A", "Corp", "s-1", "sub-native", T0)));
    FederatedLink found = links.find("us-east-1_A", "Corp", "s-1").orElseThrow();
    assertEquals("sub-native", found.sub());
    assertEquals(T0, found.created());

    assertFalse(links.create(new FederatedLink("us-east-1_A", "Corp", "s-1", "sub-other", T0)));
    assertEquals("sub-native", links.find("us-east-1_A", "Corp", "s-1").orElseThrow().sub());
    // same subject at another provider, or in another pool, is another identity
    assertTrue(links.find("us-east-1_A", "Other", "s-1").isEmpty());
    assertTrue(links.find("us-east-1_B", "Corp", "s-1").isEmpty());
  }

  @Test
  void whenLinkIsDeletedThenTheIdentityIsFreeAgainAndDeletingTwiceIsNoError() {
    links.create(new FederatedLink("us-east-1_A", "Corp", "s-1", "sub-native", T0));
    links.delete("us-east-1_A", "Corp", "s-1");
    links.delete("us-east-1_A", "Corp", "s-1");
    assertTrue(links.find("us-east-1_A", "Corp", "s-1").isEmpty());
    assertTrue(links.create(new FederatedLink("us-east-1_A", "Corp", "s-1", "sub-other", T0)));
  }

  @Test
  void whenProviderNamesShareAPrefixThenTheirSubjectsStayApart() {
    links.create(new FederatedLink("us-east-1_A", "Corp", "x#1", "sub-1", T0));
    assertTrue(links.find("us-east-1_A", "Corp#x", "1").isEmpty());
  }

  @Test
  void whenSamlRequestIsConsumedThenItIsGoneAndOnlyItsPoolFindsIt() {
    SamlRequest pending =
        new SamlRequest(
            "us-east-1_A",
            "relay-hash",
            "_req1",
            "Corp",
            "client_id=c&response_type=code",
            Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    samlRequests.create(pending);
    assertTrue(samlRequests.consume("us-east-1_B", "relay-hash").isEmpty());
    assertEquals(pending, samlRequests.consume("us-east-1_A", "relay-hash").orElseThrow());
    assertTrue(samlRequests.consume("us-east-1_A", "relay-hash").isEmpty());
  }

  @Test
  void whenSamlRequestHasExpiredThenItCannotBeConsumed() {
    samlRequests.create(
        new SamlRequest("us-east-1_A", "old", "_req2", "Corp", "q", Instant.now().minusSeconds(1)));
    assertTrue(samlRequests.consume("us-east-1_A", "old").isEmpty());
  }

  @Test
  void whenAssertionIsMarkedTwiceThenTheSecondTimeIsRefused() {
    Instant until = Instant.now().plusSeconds(300);
    assertTrue(samlRequests.markAssertionUsed("us-east-1_A", "a1", until));
    assertFalse(samlRequests.markAssertionUsed("us-east-1_A", "a1", until));
    assertTrue(samlRequests.markAssertionUsed("us-east-1_B", "a1", until));
  }
}
