package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.userpool.testing.MotoServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Two local server processes ({@code java -jar userpool-local.jar --dynamodb-endpoint <moto>}) on
 * one table, as two Lambda containers share a deployment's table: each serves what the other wrote,
 * and 16 concurrent conflicting writers split across them lose no update.
 *
 * <p>What "at once" means across processes (docs/architecture.md): user data is read from the table
 * on every request, so a user written through one process is served by the other at once. A pool or
 * client that a process has not seen yet is found at once too (absence is never cached), but a
 * <em>change</em> to a pool or client that a process has already cached reaches it within the
 * cache's 10 seconds.
 */
class TwoProcessesOnDynamoDbIT {
  private static final int WRITERS = 16;
  private static final String PASSWORD = SignInFixtures.PASSWORD;

  /**
   * Both processes stand for one deployment behind one URL, as Lambda containers behind one API
   * Gateway stage: their tokens carry the same issuer.
   */
  private static final String ISSUER = "http://userpool.test";

  /** The cross-process bound for cached pools and clients (ReadCache), plus slack for a busy CI. */
  private static final long CACHE_BOUND_MILLIS = 10_000 + 5_000;

  private static LocalJar processA;
  private static LocalJar processB;
  private static CognitoIdentityProviderClient a;
  private static CognitoIdentityProviderClient b;
  private static String poolId;
  private static String clientId;

  @BeforeAll
  static void startTwoProcessesOnOneTable() throws Exception {
    String endpoint = MotoServer.endpoint().toString();
    String table = MotoServer.uniqueTableName(TwoProcessesOnDynamoDbIT.class);
    // One after the other: the first creates the table, the second finds it.
    processA = LocalJar.start(serverArgs(endpoint, table));
    processB = LocalJar.start(serverArgs(endpoint, table));
    a = LocalServerExtension.clientFor(processA.endpoint(), Region.US_EAST_1);
    b = LocalServerExtension.clientFor(processB.endpoint(), Region.US_EAST_1);

    List<SchemaAttributeType> perWriter = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      perWriter.add(
          SchemaAttributeType.builder()
              .name(writerAttribute(i))
              .attributeDataType(AttributeDataType.STRING)
              .mutable(true)
              .build());
    }
    poolId = SignInFixtures.pool(a, p -> p.schema(perWriter));
    clientId = SignInFixtures.client(a, poolId).clientId();
  }

  private static String[] serverArgs(String dynamoDbEndpoint, String table) {
    return new String[] {
      "--port",
      "0",
      "--quiet",
      "--dynamodb-endpoint",
      dynamoDbEndpoint,
      "--table",
      table,
      "--issuer-base-url",
      ISSUER
    };
  }

  @AfterAll
  static void stopBoth() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {a, b, processA, processB}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void whenAUserIsWrittenThroughOneProcessThenTheOtherServesItAtOnce() throws Exception {
    // The pool and client were created through A and never read by B: found at once.
    assertEquals("signin", b.describeUserPool(r -> r.userPoolId(poolId)).userPool().name());
    SignInFixtures.confirmedUser(
        a,
        poolId,
        "carol",
        AttributeType.builder().name("email").value("carol@example.com").build());

    AdminGetUserResponse carol = b.adminGetUser(r -> r.userPoolId(poolId).username("carol"));
    assertEquals("CONFIRMED", carol.userStatusAsString());
    assertEquals("carol@example.com", attributes(carol.userAttributes()).get("email"));

    // Signed in through B (the password A set), the tokens are accepted by A and verify against
    // A's JWKS: both processes use the same signing keys from the table.
    AuthenticationResultType tokens =
        SignInFixtures.passwordSignIn(b, clientId, "carol", PASSWORD).authenticationResult();
    assertNotNull(tokens.accessToken());
    assertEquals("carol", a.getUser(r -> r.accessToken(tokens.accessToken())).username());
    JWTClaimsSet id =
        SignInFixtures.verifyWithJwks(processA.endpoint(), ISSUER, poolId, tokens.idToken(), "id");
    assertEquals(attributes(carol.userAttributes()).get("sub"), id.getSubject());

    // A change of user data through B is read by A at once.
    b.adminUpdateUserAttributes(
        r ->
            r.userPoolId(poolId)
                .username("carol")
                .userAttributes(
                    AttributeType.builder()
                        .name("custom:" + writerAttribute(0))
                        .value("from-b")
                        .build()));
    assertEquals(
        "from-b",
        attributes(a.adminGetUser(r -> r.userPoolId(poolId).username("carol")).userAttributes())
            .get(writerAttribute(0)));
  }

  /**
   * A client change through A reaches B, which has the client cached, within the cache's bound: B
   * keeps accepting the old flows for at most that long.
   */
  @Test
  void whenAClientChangesThroughOneProcessThenTheOtherFollowsWithinTheCacheBound()
      throws Exception {
    String changing = SignInFixtures.client(a, poolId).clientId();
    SignInFixtures.confirmedUser(a, poolId, "dave");
    // B reads (and caches) the client by signing in through it.
    assertNotNull(
        SignInFixtures.passwordSignIn(b, changing, "dave", PASSWORD).authenticationResult());

    long changedAt = System.nanoTime();
    a.updateUserPoolClient(
        r ->
            r.userPoolId(poolId)
                .clientId(changing)
                .clientName("app")
                .explicitAuthFlows(
                    ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                    ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));

    // A drops its own cached copy on the write: refused there at once.
    InvalidParameterException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidParameterException.class,
            () -> SignInFixtures.passwordSignIn(a, changing, "dave", PASSWORD));
    assertEquals(
        "USER_PASSWORD_AUTH flow not enabled for this client",
        refused.awsErrorDetails().errorMessage());
    // B follows within the bound.
    while (true) {
      try {
        SignInFixtures.passwordSignIn(b, changing, "dave", PASSWORD);
      } catch (InvalidParameterException followed) {
        break;
      }
      assertTrue(
          System.nanoTime() - changedAt < TimeUnit.MILLISECONDS.toNanos(CACHE_BOUND_MILLIS),
          "process B still accepts a flow removed through A after " + CACHE_BOUND_MILLIS + " ms");
      Thread.sleep(250);
    }
  }

  /**
   * Sixteen writers, eight per process, each set their own attribute of one user at the same time:
   * every update is a read-modify-write of the same user item, so each one that a stale read would
   * overwrite must be retried. All sixteen values are there afterwards, read through either
   * process.
   */
  @Test
  void whenSixteenWritersUpdateOneUserThroughBothProcessesThenNoUpdateIsLost() throws Exception {
    SignInFixtures.confirmedUser(a, poolId, "erin");

    List<String> outcomes =
        concurrently(
            i ->
                () -> {
                  client(i)
                      .adminUpdateUserAttributes(
                          r ->
                              r.userPoolId(poolId)
                                  .username("erin")
                                  .userAttributes(
                                      AttributeType.builder()
                                          .name("custom:" + writerAttribute(i))
                                          .value("writer-" + i)
                                          .build()));
                  return "ok";
                });

    assertEquals(Collections.nCopies(WRITERS, "ok"), outcomes);
    for (CognitoIdentityProviderClient reader : List.of(a, b)) {
      Map<String, String> attributes =
          attributes(
              reader.adminGetUser(r -> r.userPoolId(poolId).username("erin")).userAttributes());
      for (int i = 0; i < WRITERS; i++) {
        assertEquals("writer-" + i, attributes.get(writerAttribute(i)), "writer " + i + " lost");
      }
    }
    // And the user still signs in with its password: no writer overwrote the credentials.
    assertNotNull(
        SignInFixtures.passwordSignIn(b, clientId, "erin", PASSWORD).authenticationResult());
  }

  /**
   * Sixteen writers add one user to sixteen groups (the first add of a user also rewrites the user
   * item, to unmark "in no group"), then sixteen writers add sixteen users to one group (every add
   * rewrites that group's item). Every membership is there, through both processes and in the
   * token's cognito:groups.
   */
  @Test
  void whenSixteenWritersAddGroupMembershipsThroughBothProcessesThenNoneIsLost() throws Exception {
    SignInFixtures.confirmedUser(a, poolId, "frank");
    for (int i = 0; i < WRITERS; i++) {
      String group = "team-" + i;
      a.createGroup(r -> r.userPoolId(poolId).groupName(group));
    }
    // B signs frank in once first, so whatever it keeps about "frank has no groups" is stale.
    assertEquals(
        null,
        SignInFixtures.verifyWithJwks(
                processB.endpoint(),
                ISSUER,
                poolId,
                SignInFixtures.passwordSignIn(b, clientId, "frank", PASSWORD)
                    .authenticationResult()
                    .idToken(),
                "id")
            .getClaim("cognito:groups"));

    List<String> outcomes =
        concurrently(
            i ->
                () -> {
                  client(i)
                      .adminAddUserToGroup(
                          r -> r.userPoolId(poolId).username("frank").groupName("team-" + i));
                  return "ok";
                });

    assertEquals(Collections.nCopies(WRITERS, "ok"), outcomes);
    Set<String> all =
        IntStream.range(0, WRITERS).mapToObj(i -> "team-" + i).collect(Collectors.toSet());
    for (CognitoIdentityProviderClient reader : List.of(a, b)) {
      assertEquals(
          all,
          reader
              .adminListGroupsForUser(r -> r.userPoolId(poolId).username("frank").limit(60))
              .groups()
              .stream()
              .map(GroupType::groupName)
              .collect(Collectors.toSet()));
      AuthenticationResultType tokens =
          SignInFixtures.passwordSignIn(reader, clientId, "frank", PASSWORD).authenticationResult();
      JWTClaimsSet id =
          SignInFixtures.verifyWithJwks(
              processA.endpoint(), ISSUER, poolId, tokens.idToken(), "id");
      assertEquals(all, Set.copyOf(id.getStringListClaim("cognito:groups")));
    }

    // The other way round: sixteen users into one group at once.
    a.createGroup(r -> r.userPoolId(poolId).groupName("everyone"));
    for (int i = 0; i < WRITERS; i++) {
      String username = "member-" + i;
      a.adminCreateUser(
          r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS));
    }
    List<String> joins =
        concurrently(
            i ->
                () -> {
                  client(i)
                      .adminAddUserToGroup(
                          r -> r.userPoolId(poolId).username("member-" + i).groupName("everyone"));
                  return "ok";
                });

    assertEquals(Collections.nCopies(WRITERS, "ok"), joins);
    Set<String> members =
        IntStream.range(0, WRITERS).mapToObj(i -> "member-" + i).collect(Collectors.toSet());
    for (CognitoIdentityProviderClient reader : List.of(a, b)) {
      assertEquals(
          members,
          reader
              .listUsersInGroup(r -> r.userPoolId(poolId).groupName("everyone").limit(60))
              .users()
              .stream()
              .map(UserType::username)
              .collect(Collectors.toSet()));
    }
  }

  /**
   * Sixteen writers create the same username at once through both processes: exactly one wins,
   * fifteen get UsernameExistsException, and the pool holds one user of that name, the winner's.
   */
  @Test
  void whenSixteenWritersCreateTheSameUsernameThenExactlyOneSucceeds() throws Exception {
    List<String> outcomes =
        concurrently(
            i ->
                () -> {
                  try {
                    client(i)
                        .adminCreateUser(
                            r ->
                                r.userPoolId(poolId)
                                    .username("gina")
                                    .messageAction(MessageActionType.SUPPRESS)
                                    .userAttributes(
                                        AttributeType.builder()
                                            .name("custom:" + writerAttribute(i))
                                            .value("creator-" + i)
                                            .build()));
                    return "created by " + i;
                  } catch (UsernameExistsException e) {
                    assertEquals("User account already exists", e.awsErrorDetails().errorMessage());
                    return "exists";
                  }
                });

    List<String> created = outcomes.stream().filter(o -> o.startsWith("created")).toList();
    assertEquals(1, created.size(), outcomes.toString());
    assertEquals(WRITERS - 1, Collections.frequency(outcomes, "exists"), outcomes.toString());
    int winner = Integer.parseInt(created.get(0).substring("created by ".length()));
    for (CognitoIdentityProviderClient reader : List.of(a, b)) {
      Map<String, String> attributes =
          attributes(
              reader.adminGetUser(r -> r.userPoolId(poolId).username("gina")).userAttributes());
      for (int i = 0; i < WRITERS; i++) {
        assertEquals(i == winner ? "creator-" + i : null, attributes.get(writerAttribute(i)));
      }
      List<UserType> named =
          reader.listUsers(r -> r.userPoolId(poolId).filter("username = \"gina\"")).users();
      assertEquals(1, named.size(), "one user named gina, not " + named.size());
    }
  }

  /** Writers 0, 2, 4, … go through process A, the others through B. */
  private static CognitoIdentityProviderClient client(int writer) {
    return writer % 2 == 0 ? a : b;
  }

  private static String writerAttribute(int writer) {
    return "w" + writer;
  }

  /**
   * Runs {@link #WRITERS} tasks released at the same moment and returns their results in writer
   * order; any exception a task did not turn into a result fails the test.
   */
  private static List<String> concurrently(IntFunction<Callable<String>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      CountDownLatch ready = new CountDownLatch(WRITERS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        Callable<String> writer = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return writer.call();
                }));
      }
      ready.await();
      go.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> f : futures) {
        results.add(f.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, String> attributes(List<AttributeType> attributes) {
    Map<String, String> map = new HashMap<>();
    attributes.forEach(at -> map.put(at.name().replaceFirst("^custom:", ""), at.value()));
    return map;
  }
}
