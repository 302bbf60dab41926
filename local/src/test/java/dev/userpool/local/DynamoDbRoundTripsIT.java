package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.userpool.testing.MotoServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * DynamoDB requests per operation, counted by an SDK interceptor in the local server's DynamoDB
 * client while it runs on a moto table ({@code --dynamodb-endpoint}). Each operation is called once
 * to warm the caches, then counted on a second call; the budgets are the ones docs/architecture.md
 * states. A count above budget fails with the list of DynamoDB operations made, so the extra round
 * trip is easy to find.
 */
class DynamoDbRoundTripsIT {
  private static final CountingInterceptor COUNTER = new CountingInterceptor();
  private static LocalServer server;
  private static CognitoIdentityProviderClient cognito;

  @BeforeAll
  static void start() throws Exception {
    server =
        LocalServer.start(
            LocalOptions.inMemoryOnFreePort()
                .withDynamoDb(
                    MotoServer.endpoint().toString(),
                    MotoServer.uniqueTableName(DynamoDbRoundTripsIT.class)),
            Clock.systemUTC(),
            List.of(COUNTER));
    cognito = LocalServerExtension.clientFor(server.endpoint(), Region.US_EAST_1);
  }

  @AfterAll
  static void stop() {
    cognito.close();
    server.close();
  }

  @Test
  void warmReadsSignInAndCodesStayWithinTheirBudgets() {
    List<String> overBudget = new ArrayList<>();
    String poolId =
        SignInFixtures.pool(cognito, b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "jane",
        AttributeType.builder().name("email").value("jane@example.com").build());

    check(
        overBudget,
        1,
        "AdminGetUser",
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane")));
    check(
        overBudget,
        3,
        "InitiateAuth USER_PASSWORD_AUTH",
        () -> SignInFixtures.passwordSignIn(cognito, clientId, "jane", PASSWORD));
    String accessToken =
        SignInFixtures.passwordSignIn(cognito, clientId, "jane", PASSWORD)
            .authenticationResult()
            .accessToken();
    check(overBudget, 1, "GetUser", () -> cognito.getUser(b -> b.accessToken(accessToken)));
    check(
        overBudget,
        2,
        "GetUserAttributeVerificationCode",
        () ->
            cognito.getUserAttributeVerificationCode(
                b -> b.accessToken(accessToken).attributeName("email")));
    assertEquals(List.of(), overBudget);
  }

  @Test
  void signUpStaysWithinItsBudget() {
    String poolId =
        SignInFixtures.pool(cognito, b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    int[] n = {0};
    List<String> overBudget = new ArrayList<>();
    check(
        overBudget,
        3,
        "SignUp",
        () ->
            cognito.signUp(
                b ->
                    b.clientId(clientId)
                        .username("user" + n[0]++)
                        .password(PASSWORD)
                        .userAttributes(
                            AttributeType.builder().name("email").value("u@example.com").build())));
    assertEquals(List.of(), overBudget);
  }

  /**
   * Calls {@code call} once to warm caches, then again while counting DynamoDB requests; an
   * operation over its budget is added to {@code overBudget} with the requests it made (all
   * operations are measured before failing).
   */
  private static void check(List<String> overBudget, int budget, String what, Supplier<?> call) {
    call.get();
    COUNTER.reset();
    call.get();
    List<String> requests = COUNTER.requests();
    System.out.println("[round trips] " + what + ": " + requests.size() + " " + requests);
    if (requests.size() > budget) {
      overBudget.add(
          what
              + " made "
              + requests.size()
              + " DynamoDB requests (budget "
              + budget
              + "): "
              + requests);
    }
  }

  /** Counts every request the server's DynamoDB client sends, by operation name. */
  static final class CountingInterceptor implements ExecutionInterceptor {
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      requests.add(
          context.request() instanceof GetItemRequest get
              ? operation + " " + get.key().get("sk").s()
              : context.request() instanceof QueryRequest query
                  ? operation + " " + query.expressionAttributeValues().values()
                  : operation);
    }

    void reset() {
      requests.clear();
    }

    List<String> requests() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }
  }

  @Test
  void counterSeesTheServersRequests() {
    COUNTER.reset();
    cognito.listUserPools(b -> b.maxResults(10));
    assertEquals(1, COUNTER.requests().size(), "ListUserPools is one Query: " + COUNTER.requests());
  }
}
