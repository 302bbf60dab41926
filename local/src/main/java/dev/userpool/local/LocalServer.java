package dev.userpool.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.auth.AdminKeys;
import dev.userpool.auth.SigV4Authenticator;
import dev.userpool.config.Wiring;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.CognitoProtocol;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.protocol.WellKnownEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.store.table.ItemTable;
import java.net.InetSocketAddress;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local server: the JDK HTTP server in front of the same protocol code the Lambda runs, with CORS for browser
 * SDKs, a health check, and a reset endpoint for test suites. Logs one line per request, never a body.
 */
public final class LocalServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LocalServer.class.getName());
  private static final int MAX_READ = CognitoProtocol.MAX_BODY_BYTES + 1;
  static final String CORS_EXPOSE = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Wiring wiring;

  private LocalServer(HttpServer server, ExecutorService executor, Wiring wiring) {
    this.server = server;
    this.executor = executor;
    this.wiring = wiring;
  }

  public static void main(String[] args) throws IOException {
    Optional<Integer> relaunched = BoundedHeapLauncher.relaunchIfUnbounded(args);
    if (relaunched.isPresent()) {
      System.exit(relaunched.get()); // the child JVM (bounded heap) served and has stopped
      return;
    }
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %5$s%6$s%n");
    LocalOptions options;
    try {
      options = LocalOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage()); // the CLI's own usage message, before any logging exists
      System.exit(2);
      return;
    }
    LocalServer server = start(options);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    LOG.log(System.Logger.Level.INFO, "Userpool local server listening on http://localhost:" + server.port()
        + (options.store().dynamoDbEndpoint() != null
            ? " (data in DynamoDB table " + options.store().tableName() + " at " + options.store().dynamoDbEndpoint()
                + ")"
            : options.inMemory() ? " (in memory)" : " (data in " + options.dataDir().toAbsolutePath() + ")")
        + (options.adminKeys().isEmpty() ? "; IAM operations accept any signature"
            : "; IAM operations need SigV4 with one of " + options.adminKeys().size() + " admin key(s)"));
  }

  public static LocalServer start(LocalOptions options) throws IOException {
    return start(options, Clock.systemUTC());
  }

  /** A server whose notion of now is {@code clock}: for tests that step over expiries and lockouts. */
  public static LocalServer start(LocalOptions options, Clock clock) throws IOException {
    return start(options, clock, List.of());
  }

  /**
   * A server whose DynamoDB client (with {@code --dynamodb-endpoint}) runs {@code interceptors} on every request:
   * for tests that count round trips.
   */
  public static LocalServer start(LocalOptions options, Clock clock, List<ExecutionInterceptor> interceptors)
      throws IOException {
    Wiring wiring = new Wiring(options.toConfig(), clock, itemTable(options, clock, interceptors),
        authenticator(options, clock));
    // Headers and body go out in two writes; without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms
    // to every keep-alive request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 128);
    ExecutorService executor = Executors.newFixedThreadPool(16);
    LocalServer local = new LocalServer(server, executor, wiring);
    server.createContext("/", local::handle);
    server.setExecutor(executor);
    server.start();
    return local;
  }

  /**
   * The folder, memory, or (with {@code --dynamodb-endpoint}) a DynamoDB table created if missing, as the stack
   * defines it. Credentials come from the environment when it has an access key (a real table); otherwise dummy
   * ones, enough for moto or DynamoDB Local, without the default chain's slow probing of instance metadata.
   */
  static ItemTable itemTable(LocalOptions options, Clock clock, List<ExecutionInterceptor> interceptors) {
    LocalOptions.StoreOption store = options.store();
    if (store.dynamoDbEndpoint() == null) {
      return Wiring.itemTable(options.toConfig(), clock);
    }
    boolean environmentKey = System.getenv("AWS_ACCESS_KEY_ID") != null;
    DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(URI.create(store.dynamoDbEndpoint()))
        .region(Region.of(options.region()))
        .credentialsProvider(environmentKey ? EnvironmentVariableCredentialsProvider.create()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build())
        .build();
    DynamoDbItemTable.createTable(client, store.tableName());
    return new DynamoDbItemTable(client, store.tableName(), clock);
  }

  /** Any signature (or none) unless admin keys were given; then SigV4 for IAM operations, in any region. */
  static RequestAuthenticator authenticator(LocalOptions options, Clock clock) {
    if (options.adminKeys().isEmpty()) {
      return RequestAuthenticator.ACCEPT_ALL;
    }
    return new SigV4Authenticator(AdminKeys.of(options.adminKeys()), clock, null);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String endpoint() {
    return "http://localhost:" + port();
  }

  public Wiring wiring() {
    return wiring;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    if (wiring.table() instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "closing the store failed", e);
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String label = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    int status;
    try (exchange) {
      ApiResponse response;
      String operation = null;
      String requestId = "-";
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      if (method.equals("OPTIONS")) {
        response = new ApiResponse(200, Map.of("Content-Length", "0"), new byte[0]);
      } else if (method.equals("GET") && path.equals("/health")) {
        response = ApiResponse.json(200, "{\"status\":\"ok\"}", Map.of());
      } else if (method.equals("POST") && path.equals("/_local/reset")) {
        wiring.reset();
        wiring.outbox().clear();
        response = ApiResponse.json(200, "{}", Map.of());
      } else if (path.equals(OutboxEndpoint.PATH) && (method.equals("GET") || method.equals("DELETE"))) {
        response = OutboxEndpoint.handle(wiring.outbox(), method, exchange.getRequestURI().getRawQuery());
      } else if (method.equals("POST") && path.equals("/")) {
        ApiRequest request = new ApiRequest(method, path, headers(exchange), read(exchange.getRequestBody()),
            exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery());
        CognitoProtocol.Outcome outcome = wiring.protocol().handle(request);
        response = outcome.response();
        operation = outcome.operation();
        requestId = outcome.requestId();
      } else if (WellKnownEndpoints.matches(method, path)) {
        response = wiring.wellKnown().handle(new ApiRequest(method, path, headers(exchange), null, null))
            .orElseThrow();
      } else {
        response = ApiResponse.json(404, "{\"message\":\"Not found\"}", Map.of());
      }
      status = response.status();
      send(exchange, response);
      long millis = (System.nanoTime() - started) / 1_000_000;
      String what = operation != null ? operation : label;
      LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "%s %d %dms %s", what, status, millis,
          requestId));
    }
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new HashMap<>();
    for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
      headers.put(e.getKey(), String.join(",", e.getValue()));
    }
    return headers;
  }

  /** Reads at most one byte past the protocol limit, so an oversized body is refused without buffering it. */
  private static byte[] read(InputStream in) throws IOException {
    return in.readNBytes(MAX_READ); // the server discards any unread rest when the exchange closes
  }

  private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
    var headers = exchange.getResponseHeaders();
    response.headers().forEach((k, v) -> {
      if (!k.equalsIgnoreCase("Content-Length")) {
        headers.set(k, v);
      }
    });
    headers.set("Access-Control-Allow-Origin", "*");
    headers.set("Access-Control-Allow-Methods", "POST, GET, DELETE, OPTIONS");
    String requested = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
    headers.set("Access-Control-Allow-Headers", requested != null ? requested
        : "content-type,x-amz-target,x-amz-user-agent,authorization,x-amz-date,x-amz-security-token,cache-control");
    headers.set("Access-Control-Expose-Headers", CORS_EXPOSE);
    headers.set("Access-Control-Max-Age", "86400");
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
