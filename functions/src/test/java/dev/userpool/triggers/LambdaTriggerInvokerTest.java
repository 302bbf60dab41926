package dev.userpool.triggers;

import static dev.userpool.triggers.TriggerFixtures.context;
import static dev.userpool.triggers.TriggerFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Triggers over the wire: the invoker calls an Invoke endpoint served here ({@code POST
 * /2015-03-31/functions/<name>/invocations}), which records the event and answers as a trigger
 * would.
 */
class LambdaTriggerInvokerTest {
  record Received(
      String path, String query, String invocationType, String authorization, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/2015-03-31/functions/", this::invoke);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** The invoker as deployed (ARNs in the path, SigV4 for the ARN's region), at this endpoint. */
  private static LambdaTriggerInvoker invoker(String endpoint) {
    return new LambdaTriggerInvoker(
        endpoint,
        "eu-west-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")),
        false);
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The function's behaviour is its name: presignup-ok, throws, garbage, slow, denied, missing. */
  private void invoke(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    received.add(
        new Received(
            path,
            exchange.getRequestURI().getQuery(),
            exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    String function =
        path.substring("/2015-03-31/functions/".length(), path.length() - "/invocations".length());
    String name = function.substring(function.lastIndexOf(':') + 1);
    if (function.contains(":function:")) {
      name = function.split(":")[6];
    }
    switch (name) {
      case "presignup-ok" -> {
        ObjectNode event = (ObjectNode) json(body);
        event.putObject("response").put("autoConfirmUser", true).put("autoVerifyEmail", true);
        answer(exchange, 200, Map.of(), event.toString());
      }
      case "throws" ->
          answer(
              exchange,
              200,
              Map.of("X-Amz-Function-Error", "Unhandled"),
              "{\"errorType\":\"Error\",\"errorMessage\":\"Invalid email domain\",\"trace\":[\"Error: at handler\"]}");
      case "garbage" -> answer(exchange, 200, Map.of(), "this is not json");
      case "request-response-only" -> {
        // What sam local start-lambda answers for an Event invocation.
        if ("Event".equals(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))) {
          answer(
              exchange,
              501,
              Map.of("x-amzn-ErrorType", "NotImplemented"),
              "{\"Type\":\"LocalService\",\"Message\":\"invocation-type: Event is not supported.\"}");
        } else {
          answer(
              exchange,
              200,
              Map.of("X-Amz-Function-Error", "Unhandled"),
              "{\"errorMessage\":\"provider down\"}");
        }
      }
      case "slow" -> {
        sleep(3000);
        answer(exchange, 200, Map.of(), body);
      }
      case "denied" ->
          answer(
              exchange,
              403,
              Map.of("x-amzn-ErrorType", "AccessDeniedException"),
              "{\"Message\":\"User is not authorized to perform: lambda:InvokeFunction\"}");
      case "missing" ->
          answer(
              exchange,
              404,
              Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
              "{\"Type\":\"User\",\"Message\":\"Function not found\"}");
      default -> answer(exchange, 500, Map.of(), "{}");
    }
  }

  private static void answer(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "test-request");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // the caller gave up (timeout test)
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Triggers triggers(Duration timeout) {
    return new Triggers(invoker(endpoint()), timeout, null);
  }

  private static UserPool poolWithPreSignUp(String function) {
    return TriggerFixtures.pool(Map.of("PreSignUp", TriggerFixtures.arn(function)));
  }

  private static CognitoException preSignUpFails(Triggers triggers, String function) {
    return assertThrows(
        CognitoException.class,
        () ->
            triggers.preSignUp(
                context(poolWithPreSignUp(function), Map.of("k", "v")),
                TriggerSource.PRE_SIGN_UP_SIGN_UP,
                null));
  }

  @Test
  void whenTriggerAnswersThenEventWasPostedRequestResponseAndAnswerIsRead() {
    PreSignUpResult result =
        triggers(Triggers.COGNITO_TIMEOUT)
            .preSignUp(
                context(poolWithPreSignUp("presignup-ok"), Map.of("k", "v")),
                TriggerSource.PRE_SIGN_UP_SIGN_UP,
                Map.of("captcha", "ok"));
    assertEquals(new PreSignUpResult(true, true, false), result);
    Received r = received.get(0);
    assertEquals(
        "/2015-03-31/functions/" + TriggerFixtures.arn("presignup-ok") + "/invocations", r.path());
    assertEquals("RequestResponse", r.invocationType());
    assertTrue(
        r.authorization()
            .matches("AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/us-east-1/lambda/.*"),
        "signed for the ARN's region and Lambda: " + r.authorization());
    assertEquals("PreSignUp_SignUp", json(r.body()).get("triggerSource").asText());
    assertEquals("v", json(r.body()).get("request").get("clientMetadata").get("k").asText());
    assertEquals("ok", json(r.body()).get("request").get("validationData").get("captcha").asText());
  }

  @Test
  void whenFunctionErrorHeaderIsSetThenUserLambdaValidationWithTheErrorMessage() {
    CognitoException e = preSignUpFails(triggers(Triggers.COGNITO_TIMEOUT), "throws");
    assertEquals(ErrorCode.USER_LAMBDA_VALIDATION, e.code());
    assertEquals("PreSignUp failed with error Invalid email domain.", e.getMessage());
  }

  @Test
  void whenAnswerIsNotJsonThenInvalidLambdaResponse() {
    CognitoException e = preSignUpFails(triggers(Triggers.COGNITO_TIMEOUT), "garbage");
    assertEquals(ErrorCode.INVALID_LAMBDA_RESPONSE, e.code());
    assertEquals("Unrecognizable lambda output", e.getMessage());
  }

  @Test
  void whenAnswerComesAfterTheTimeoutThenUnexpectedLambdaSocketTimeoutWithoutWaiting() {
    long start = System.nanoTime();
    CognitoException e = preSignUpFails(triggers(Duration.ofMillis(700)), "slow");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ErrorCode.UNEXPECTED_LAMBDA, e.code());
    assertEquals(
        "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.",
        e.getMessage());
    assertTrue(millis < 2500, "gave up after " + millis + " ms");
  }

  @Test
  void whenLambdaRefusesThenUnexpectedLambdaWithItsErrorCode() {
    assertEquals(
        "PreSignUp invocation failed due to error AccessDeniedException.",
        preSignUpFails(triggers(Triggers.COGNITO_TIMEOUT), "denied").getMessage());
    assertEquals(
        "PreSignUp invocation failed due to error ResourceNotFoundException.",
        preSignUpFails(triggers(Triggers.COGNITO_TIMEOUT), "missing").getMessage());
  }

  @Test
  void whenNothingListensThenUnexpectedLambda() {
    String unused = endpoint();
    server.stop(0);
    Triggers triggers = new Triggers(invoker(unused), Duration.ofSeconds(2), null);
    CognitoException e = preSignUpFails(triggers, "presignup-ok");
    assertEquals(ErrorCode.UNEXPECTED_LAMBDA, e.code());
    assertTrue(
        e.getMessage().startsWith("PreSignUp invocation failed due to error "), e.getMessage());
  }

  @Test
  void whenWiredForALocalEmulatorThenFunctionsAreCalledByNameWithQualifier() {
    Triggers wired = Wiring.triggers(AppConfig.inMemory().withLambdaEndpoint(endpoint()));
    UserPool pool =
        TriggerFixtures.pool(Map.of("PreSignUp", TriggerFixtures.arn("presignup-ok:live")));
    PreSignUpResult result =
        wired.preSignUp(context(pool, null), TriggerSource.PRE_SIGN_UP_ADMIN_CREATE_USER, null);
    assertEquals(new PreSignUpResult(true, true, false), result);
    assertEquals("/2015-03-31/functions/presignup-ok/invocations", received.get(0).path());
    assertEquals("Qualifier=live", received.get(0).query());
  }

  @Test
  void whenHandedAnEventThenLambdaGetsAnEventInvocationAndWhatTheFunctionThrowsIsIgnored() {
    LambdaTriggerInvoker invoker = invoker(endpoint());
    invoker.invokeAsync(
        "arn:aws:lambda:us-east-1:123456789012:function:throws", "{}", Duration.ofSeconds(2));
    assertEquals("Event", received.get(0).invocationType());

    TriggerFailure failure =
        assertThrows(
            TriggerFailure.class,
            () ->
                invoker.invokeAsync(
                    "arn:aws:lambda:us-east-1:123456789012:function:missing",
                    "{}",
                    Duration.ofSeconds(2)));
    assertEquals(TriggerFailure.Kind.NOT_INVOKABLE, failure.kind());
    assertEquals("ResourceNotFoundException", failure.detail());
  }

  @Test
  void whenAnEmulatorServesOnlyRequestResponseThenTheEventGoesThatWayAndItsErrorIsIgnored() {
    LambdaTriggerInvoker invoker =
        new LambdaTriggerInvoker(
            endpoint(),
            "eu-west-1",
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
            true);
    invoker.invokeAsync(
        "arn:aws:lambda:us-east-1:123456789012:function:request-response-only",
        "{}",
        Duration.ofSeconds(2));
    assertEquals(2, received.size());
    assertEquals("Event", received.get(0).invocationType());
    assertEquals("RequestResponse", received.get(1).invocationType());
  }
}
