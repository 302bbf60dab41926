package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.imports.aws.ImportJobEvent;
import dev.userpool.protocol.Json;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.testing.MotoServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real Lambda runtime path without Docker: the shaded jar runs in a child JVM under AWS's
 * official runtime interface client, which polls a Lambda Runtime API emulator written here (the
 * API `sam local invoke` serves inside its container). One API Gateway event goes in; the answer
 * the runtime posts back must be Cognito's.
 */
class LambdaRuntimeIT {
  private static final Path LAMBDA_JAR =
      Path.of("..", "functions", "target", "userpool-functions-lambda.jar");
  private static final String REQUEST_ID = "8f507cfc-example-4697-b07a-ac58fc914c95";
  private static final String RIC_MAIN =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  @Test
  void whenRuntimeClientRunsTheShadedJarThenTheEmulatorReceivesCognitosAnswer() throws Exception {
    assertTrue(
        Files.isRegularFile(LAMBDA_JAR),
        LAMBDA_JAR.toAbsolutePath() + " missing: run mvn install first");
    String event = Files.readString(Path.of("..", "events", "DescribeUserPool.missingPoolId.json"));
    try (RuntimeApiEmulator api = new RuntimeApiEmulator(event)) {
      Path log = Files.createTempFile("lambda-runtime-it", ".log");
      Process lambda = launch(api.port(), log);
      try {
        Outcome outcome = api.outcome.get(60, TimeUnit.SECONDS);
        assertEquals("response", outcome.kind(), outcome.body() + "\n" + Files.readString(log));
        JsonNode proxyResponse = Json.read(outcome.body());
        assertEquals(400, proxyResponse.get("statusCode").asInt(), outcome.body());
        assertEquals(
            "InvalidParameterException:",
            proxyResponse.get("headers").get("x-amzn-ErrorType").asText());
        JsonNode cognito = Json.read(proxyResponse.get("body").asText());
        assertEquals("InvalidParameterException", cognito.get("__type").asText());
        assertEquals(
            "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint:"
                + " Member must not be null",
            cognito.get("message").asText());
        assertTrue(api.nextCalls.get(), "the runtime client polled /invocation/next");
      } catch (TimeoutException e) {
        fail(
            "no answer from the runtime client within 60 s; its output:\n" + Files.readString(log));
      } finally {
        lambda.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * The event the function sends itself to run a user import job (docs/adr/0015) must reach the
   * import branch through the runtime's own event deserializer: its answer is 202, where the same
   * JSON taken for an API call would be a Cognito error. The pool does not exist, so the job is
   * simply done.
   */
  @Test
  void whenRuntimeClientReceivesAnImportJobEventThenTheHandlerRunsTheJobNotAnApiCall()
      throws Exception {
    assertTrue(Files.isRegularFile(LAMBDA_JAR), LAMBDA_JAR.toAbsolutePath() + " missing");
    String event = ImportJobEvent.payload("us-east-1_Missing1", "import-AbCdEf1234");
    try (RuntimeApiEmulator api = new RuntimeApiEmulator(event)) {
      Path log = Files.createTempFile("lambda-runtime-it", ".log");
      Process lambda = launch(api.port(), log);
      try {
        Outcome outcome = api.outcome.get(60, TimeUnit.SECONDS);
        assertEquals("response", outcome.kind(), outcome.body() + "\n" + Files.readString(log));
        assertEquals(202, Json.read(outcome.body()).get("statusCode").asInt(), outcome.body());
        assertTrue(
            Files.readString(log).contains("import job import-AbCdEf1234 DONE"),
            Files.readString(log));
      } catch (TimeoutException e) {
        fail(
            "no answer from the runtime client within 60 s; its output:\n" + Files.readString(log));
      } finally {
        lambda.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static Process launch(int port, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> classpath = new ArrayList<>();
    classpath.add(jarOf(RIC_MAIN));
    classpath.add(jarOf("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"));
    classpath.add(jarOf("software.amazon.awssdk.utilslite.SdkInternalThreadLocal"));
    classpath.add(LAMBDA_JAR.toAbsolutePath().normalize().toString());
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xshare:auto",
            "-cp",
            String.join(File.pathSeparator, classpath),
            RIC_MAIN,
            "dev.userpool.lambda.ApiGatewayHandler::handleRequest");
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("USERPOOL_") || k.startsWith("AWS_"));
    env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "Function");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/Function");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "it");
    storeEnvironment(env);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  /**
   * The function's store: memory, or with {@code -Duserpool.it.store=dynamodb} a fresh table in
   * moto, reached the way a deployment reaches DynamoDB (its environment variables and the default
   * credentials chain).
   */
  private static void storeEnvironment(Map<String, String> env) {
    if (!ItStore.onDynamoDb()) {
      env.put("USERPOOL_STORE", "memory");
      return;
    }
    String table = MotoServer.uniqueTableName(LambdaRuntimeIT.class);
    try (DynamoDbClient dynamoDb = MotoServer.dynamoDbClient()) {
      DynamoDbItemTable.createTable(dynamoDb, table);
    }
    env.put("USERPOOL_STORE", "dynamodb");
    env.put("USERPOOL_TABLE_NAME", table);
    env.put("USERPOOL_DYNAMODB_ENDPOINT", MotoServer.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
  }

  /**
   * The jar a class was loaded from: failsafe's manifest-only classpath hides the entries
   * themselves.
   */
  private static String jarOf(String className) throws ClassNotFoundException, URISyntaxException {
    return Path.of(
            Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  record Outcome(String kind, String body) {}

  /**
   * GET next hands out one event, then holds further polls; response, error and init/error are
   * recorded.
   */
  static final class RuntimeApiEmulator implements AutoCloseable {
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    final AtomicBoolean nextCalls = new AtomicBoolean();
    private final AtomicBoolean handedOut = new AtomicBoolean();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String event;

    RuntimeApiEmulator(String event) throws IOException {
      this.event = event;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      server.createContext("/2018-06-01/runtime/", this::handle);
      server.setExecutor(executor);
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("GET") && path.endsWith("/invocation/next")) {
          nextCalls.set(true);
          if (!handedOut.compareAndSet(false, true)) {
            outcome.handle((o, e) -> null).join(); // a second poll waits until the test is over
            send(exchange, 500, "{}");
            return;
          }
          exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
          exchange
              .getResponseHeaders()
              .set(
                  "Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
          exchange
              .getResponseHeaders()
              .set(
                  "Lambda-Runtime-Invoked-Function-Arn",
                  "arn:aws:lambda:us-east-1:123456789012:function:Function");
          exchange
              .getResponseHeaders()
              .set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
          send(exchange, 200, event);
        } else if (path.equals("/2018-06-01/runtime/invocation/" + REQUEST_ID + "/response")) {
          outcome.complete(new Outcome("response", body));
          send(exchange, 202, "{\"status\":\"OK\"}");
        } else if (path.endsWith("/error")) {
          outcome.complete(new Outcome(path.contains("/init/") ? "init/error" : "error", body));
          send(exchange, 202, "{\"status\":\"OK\"}");
        } else {
          send(exchange, 404, "{}");
        }
      }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      outcome.complete(new Outcome("closed", ""));
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
