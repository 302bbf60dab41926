package dev.userpool.local;

import dev.userpool.auth.AdminKeys;
import dev.userpool.auth.SigV4Authenticator;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.domain.User;
import dev.userpool.local.console.LocalConsole;
import dev.userpool.oauth.OAuthEndpoints;
import dev.userpool.operations.Dependencies;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.ApiRequest;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.protocol.CognitoProtocol;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.protocol.WellKnownEndpoints;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.store.embedded.DamagedDataException;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.store.embedded.UnusableDataFolderException;
import dev.userpool.store.table.ItemTable;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local server: an HTTP server ({@link NettyHttpServer}) in front of the same protocol code the
 * Lambda runs, with CORS for browser SDKs, a health check, and a reset endpoint for test suites.
 * Logs one line per request (see {@link RequestLog}), never a body.
 *
 * <p>Mistakes of the person starting it (a bad command line, a port in use, an unusable or damaged
 * data folder) are answered with one line on stderr and exit code 2; stack traces are for bugs.
 */
public final class LocalServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LocalServer.class.getName());
  private static final String PROGRAM = "userpool-local";
  private static final int MAX_READ = CognitoProtocol.MAX_BODY_BYTES + 1;
  static final String CORS_EXPOSE = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";

  /** Exit code for every user error: bad options, port in use, unusable or damaged data folder. */
  static final int USAGE_ERROR = 2;

  /**
   * Test suites that start servers in-process set this system property to {@code true}, so that
   * their logs show test results rather than request lines (the failsafe configuration of this
   * module does).
   */
  static final String QUIET_PROPERTY = "userpool.local.quiet";

  private NettyHttpServer server;
  private AtOnceRequests atOnce;
  private final Wiring wiring;
  private final String host;
  private final RequestLog requestLog;
  private ImportUploads importUploads;

  private LocalServer(Wiring wiring, String host, RequestLog requestLog) {
    this.wiring = wiring;
    this.host = host;
    this.requestLog = requestLog;
  }

  public static void main(String[] args) {
    if (StoreCommand.handles(args)) {
      System.exit(new StoreCommand(System.out, System.err, Clock.systemUTC()).run(args));
      return;
    }
    if (CognitoImportCommand.handles(args)) {
      System.exit(new CognitoImportCommand(System.out, System.err, Clock.systemUTC()).run(args));
      return;
    }
    if (!List.of(args).contains("--help") && !List.of(args).contains("--version")) {
      Optional<Integer> relaunched = BoundedHeapLauncher.relaunchIfUnbounded(args);
      if (relaunched.isPresent()) {
        System.exit(relaunched.get()); // the child JVM (bounded heap) served and has stopped
        return;
      }
    }
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %5$s%6$s%n");
    Integer exit = run(args, System.out, System.err);
    if (exit != null) {
      System.exit(exit);
    }
  }

  /**
   * Runs the command line: answers {@code --help} and {@code --version} on {@code out}, a user
   * error with one line on {@code err}, and otherwise starts the server. Returns the exit code, or
   * null when the server is running.
   */
  static Integer run(String[] args, PrintStream out, PrintStream err) {
    List<String> arguments = List.of(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      out.print(LocalOptions.help());
      return 0;
    }
    if (arguments.contains("--version")) {
      out.println(PROGRAM + " " + version());
      return 0;
    }
    LocalOptions options;
    try {
      options = LocalOptions.parse(args);
    } catch (LocalOptions.UsageException e) {
      err.println(PROGRAM + ": " + e.getMessage() + " (see --help)");
      return USAGE_ERROR;
    }
    LocalServer server;
    try {
      server = open(options, Clock.systemUTC(), null);
    } catch (DamagedDataException e) {
      err.println(
          PROGRAM
              + ": "
              + e.getMessage()
              + "; nothing was changed. Restore the folder from a backup, or"
              + " start with --repair to copy "
              + e.file().getFileName()
              + " aside as "
              + e.file().getFileName()
              + ".damaged-<time> and keep what can be read");
      return USAGE_ERROR;
    } catch (UnusableDataFolderException e) {
      err.println(
          PROGRAM
              + ": "
              + e.getMessage()
              + "; choose another with --data-dir DIR, or use --in-memory");
      return USAGE_ERROR;
    } catch (CannotListenException e) {
      err.println(PROGRAM + ": " + e.getMessage());
      return USAGE_ERROR;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    LOG.log(
        System.Logger.Level.INFO,
        "Userpool local server listening on "
            + server.listeningOn()
            + (options.store().dynamoDbEndpoint() != null
                ? " (data in DynamoDB table "
                    + options.store().tableName()
                    + " at "
                    + options.store().dynamoDbEndpoint()
                    + ")"
                : options.inMemory()
                    ? " (in memory)"
                    : " (data in " + options.dataDir().toAbsolutePath() + ")")
            + (options.adminKeys().isEmpty()
                ? "; IAM operations accept any signature"
                : "; IAM operations need SigV4 with one of "
                    + options.adminKeys().size()
                    + " admin key(s)")
            + (server.requestLog.enabled() ? "" : "; request lines off (--quiet)"));
    return null;
  }

  /**
   * The version this jar was built as (from its resources), or "unknown" when run from an
   * unfiltered build.
   */
  static String version() {
    try (InputStream in = LocalServer.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }

  public static LocalServer start(LocalOptions options) throws IOException {
    return start(options, Clock.systemUTC());
  }

  /**
   * A server whose notion of now is {@code clock}: for tests that step over expiries and lockouts.
   * The port is taken before the data folder is opened, so a busy port never touches the data.
   *
   * @throws CannotListenException when the host is unknown or the port cannot be bound
   * @throws DamagedDataException when a data file is damaged and {@code options.repair()} is off
   * @throws UnusableDataFolderException when the data folder cannot be used
   */
  public static LocalServer start(LocalOptions options, Clock clock) throws IOException {
    return open(options, clock, null);
  }

  /** A server on a table opened by the caller (e.g. DynamoDB on a test's moto server). */
  static LocalServer start(LocalOptions options, Clock clock, ItemTable table) {
    return open(options, clock, table);
  }

  /**
   * A server on {@code --dynamodb-endpoint} whose DynamoDB client runs {@code interceptors} on
   * every request: for tests that count round trips.
   */
  static LocalServer start(
      LocalOptions options, Clock clock, List<ExecutionInterceptor> interceptors) {
    return open(options, clock, dynamoDbTable(options, clock, interceptors));
  }

  /**
   * The table of {@code --dynamodb-endpoint}, created if missing as the stack defines it.
   * Credentials come from the environment when it has an access key (a real table); otherwise dummy
   * ones, enough for moto or DynamoDB Local, without the default chain's slow probing of instance
   * metadata.
   */
  static ItemTable dynamoDbTable(
      LocalOptions options, Clock clock, List<ExecutionInterceptor> interceptors) {
    LocalOptions.StoreOption store = options.store();
    boolean environmentKey = System.getenv("AWS_ACCESS_KEY_ID") != null;
    DynamoDbClient client =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(store.dynamoDbEndpoint()))
            .region(Region.of(options.region()))
            .credentialsProvider(
                environmentKey
                    ? EnvironmentVariableCredentialsProvider.create()
                    : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(
                ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build())
            .build();
    DynamoDbItemTable.createTable(client, store.tableName());
    return new DynamoDbItemTable(client, store.tableName(), clock);
  }

  private static LocalServer open(LocalOptions options, Clock clock, ItemTable given) {
    // The port is taken before the data folder is opened; connections wait in the backlog until
    // the server is ready (start()).
    InetSocketAddress address = address(options.host(), options.port());
    LocalServer[] local = new LocalServer[1];
    NettyHttpServer server =
        bind(
            address,
            options.host(),
            options.port(),
            new NettyHttpServer.Handler() {
              @Override
              public ApiResponse handle(NettyHttpServer.Request request) throws IOException {
                return local[0].handle(request);
              }

              @Override
              public boolean answersAtOnce(NettyHttpServer.Request request) {
                return local[0].atOnce.test(request);
              }
            });
    ItemTable table = null;
    try {
      AppConfig config = options.toConfig();
      table =
          given != null
              ? given
              : options.store().dynamoDbEndpoint() != null
                  ? dynamoDbTable(options, clock, List.of())
                  : options.inMemory()
                      ? Wiring.itemTable(config, clock)
                      : EmbeddedItemTable.open(
                          options.dataDir(),
                          clock,
                          options.repair()
                              ? EmbeddedItemTable.OnDamage.REPAIR
                              : EmbeddedItemTable.OnDamage.STOP);
      Wiring wiring = new Wiring(config, clock, table, authenticator(options, clock));
      wiring.outbox().keepAtMost(options.outboxSize());
      boolean quiet = options.quiet() || Boolean.getBoolean(QUIET_PROPERTY);
      LocalServer created =
          new LocalServer(wiring, options.host(), new RequestLog(quiet ? null : System.err));
      created.server = server;
      created.atOnce = new AtOnceRequests(!(table instanceof DynamoDbItemTable));
      created.importUploads =
          new ImportUploads(
              created.endpoint(),
              options.inMemory() || given != null ? null : options.dataDir().resolve("imports"));
      wiring.useImportUploads(created.importUploads);
      local[0] = created;
      server.start();
      return created;
    } catch (RuntimeException e) {
      server.close();
      if (given == null && table instanceof EmbeddedItemTable opened) {
        opened.close(); // releases the folder's lock for the next attempt in this process
      }
      throw e;
    }
  }

  /** The port cannot be had: in use, not an address of this machine, or an unknown host name. */
  public static final class CannotListenException extends IllegalStateException {
    CannotListenException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static InetSocketAddress address(String host, int port) {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new CannotListenException(
          "cannot listen on "
              + host
              + ": no such host (give --host an address of"
              + " this machine, e.g. 127.0.0.1 or 0.0.0.0)",
          null);
    }
    return address;
  }

  private static NettyHttpServer bind(
      InetSocketAddress address, String host, int port, NettyHttpServer.Handler handler) {
    try {
      // Requests that may wait (AtOnceRequests says which do not) run here, a thread each, so that
      // a wait holds up only its own connection; so do those whose body streams (an import upload),
      // so that the loop goes on reading the body for them. Idle threads end after a minute.
      ExecutorService executor =
          Executors.newCachedThreadPool(new DefaultThreadFactory("userpool-worker", true));
      return NettyHttpServer.listen(address, 128, handler, executor);
    } catch (BindException e) {
      String why = e.getMessage() == null ? "cannot bind" : e.getMessage();
      throw new CannotListenException(
          "cannot listen on "
              + host
              + ":"
              + port
              + ": "
              + why
              + (why.toLowerCase(Locale.ROOT).contains("in use")
                  ? " (another process has the port; choose another with --port N, or --port 0 for any free one)"
                  : " (give --host an address of this machine, e.g. 127.0.0.1 or 0.0.0.0)"),
          e);
    } catch (IOException e) {
      throw new CannotListenException(
          "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /**
   * Any signature (or none) unless admin keys were given; then SigV4 for IAM operations, in any
   * region.
   */
  static RequestAuthenticator authenticator(LocalOptions options, Clock clock) {
    if (options.adminKeys().isEmpty()) {
      return RequestAuthenticator.ACCEPT_ALL;
    }
    return new SigV4Authenticator(AdminKeys.of(options.adminKeys()), clock, null);
  }

  public int port() {
    return server.address().getPort();
  }

  /** The URL clients on this machine use. */
  public String endpoint() {
    InetAddress bound = server.address().getAddress();
    boolean local = bound.isAnyLocalAddress() || bound.isLoopbackAddress();
    return "http://" + (local ? "localhost" : hostForUrl(host)) + ":" + port();
  }

  private String listeningOn() {
    boolean everywhere = server.address().getAddress().isAnyLocalAddress();
    return everywhere
        ? "every interface, port " + port() + " (here: " + endpoint() + ")"
        : endpoint();
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  public Wiring wiring() {
    return wiring;
  }

  @Override
  public void close() {
    server.close();
    requestLog.close(); // the lines still waiting for the log's writer
    importUploads.close();
    if (wiring.table() instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "closing the store failed", e);
      }
    }
  }

  private ApiResponse handle(NettyHttpServer.Request exchange) throws IOException {
    long started = System.nanoTime();
    {
      ApiResponse response;
      String operation = null;
      String requestId = "-";
      String path = exchange.uri().getPath();
      String method = exchange.method().toUpperCase(Locale.ROOT);
      if (method.equals("OPTIONS")) {
        response = new ApiResponse(200, Map.of("Content-Length", "0"), new byte[0]);
      } else if (method.equals("GET") && path.equals("/health")) {
        response = ApiResponse.json(200, "{\"status\":\"ok\"}", Map.of());
      } else if (method.equals("POST") && path.equals("/_local/reset")) {
        wiring.reset();
        wiring.outbox().clear();
        response = ApiResponse.json(200, "{}", Map.of());
      } else if (LocalConsole.matches(method, path)) { // the console page
        response = LocalConsole.handle(wiring.dependencies(), wiring.outbox());
      } else if (path.equals(OutboxEndpoint.PATH)
          && (method.equals("GET") || method.equals("DELETE"))) {
        response =
            OutboxEndpoint.handle(
                wiring.outbox(), method, exchange.uri().getRawQuery(), this::usernameOf);
      } else if (method.equals("POST") && path.equals("/")) {
        ApiRequest request =
            new ApiRequest(
                method,
                path,
                headers(exchange),
                read(exchange.body()),
                exchange.remote().getAddress().getHostAddress(),
                exchange.uri().getRawPath(),
                exchange.uri().getRawQuery());
        CognitoProtocol.Outcome outcome = wiring.protocol().handle(request);
        response = outcome.response();
        operation = outcome.operation();
        requestId = outcome.requestId();
      } else if (ImportUploadEndpoint.matches(path)) {
        response =
            ImportUploadEndpoint.handle(
                method,
                path,
                exchange.uri().getRawQuery(),
                headers(exchange),
                exchange.body(),
                wiring.dependencies().imports().jobs(),
                importUploads);
      } else if (OAuthEndpoints.handles(method, path)) {
        response =
            wiring
                .oauth()
                .handle(
                    new ApiRequest(
                        method,
                        path,
                        headers(exchange),
                        read(exchange.body()),
                        exchange.remote().getAddress().getHostAddress(),
                        exchange.uri().getRawPath(),
                        exchange.uri().getRawQuery()));
      } else if (WellKnownEndpoints.matches(method, path)) {
        response =
            wiring
                .wellKnown()
                .handle(new ApiRequest(method, path, headers(exchange), null, null))
                .orElseThrow();
      } else {
        response = ApiResponse.json(404, "{\"message\":\"Not found\"}", Map.of());
      }
      int status = response.status();
      ApiResponse answer = withCors(exchange, response);
      if (requestLog.enabled()) {
        requestLog.log(
            operation != null ? operation : exchange.method() + " " + path,
            status,
            status >= 400 ? response.headers().get("x-amzn-ErrorType") : null,
            (System.nanoTime() - started) / 1_000_000,
            requestId);
      }
      return answer;
    }
  }

  /**
   * The username of whoever {@code name} designates in the pool (alias, username attribute, sub),
   * if anyone.
   */
  private Optional<String> usernameOf(String poolId, String name) {
    Dependencies d = wiring.dependencies();
    try {
      return d.pools()
          .find(poolId)
          .flatMap(pool -> new UserDirectory(d.users()).find(pool, name))
          .map(User::username);
    } catch (RuntimeException unusableName) {
      return Optional.empty(); // e.g. a name no pool could hold: it designates nobody
    }
  }

  private static Map<String, String> headers(NettyHttpServer.Request exchange) {
    Map<String, String> headers = new HashMap<>();
    for (Map.Entry<String, List<String>> e : exchange.headers().entrySet()) {
      headers.put(e.getKey(), String.join(",", e.getValue()));
    }
    return headers;
  }

  /**
   * Reads at most one byte past the protocol limit, so an oversized body is refused without
   * buffering it.
   */
  private static byte[] read(InputStream in) throws IOException {
    return in.readNBytes(MAX_READ); // the server discards any unread rest after the answer
  }

  /**
   * The answer with the CORS headers browser SDKs need ({@code Content-Length} is the server's).
   */
  private static ApiResponse withCors(NettyHttpServer.Request exchange, ApiResponse response) {
    Map<String, String> headers = new LinkedHashMap<>();
    response
        .headers()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("Content-Length")) {
                headers.put(k, v);
              }
            });
    headers.put("Access-Control-Allow-Origin", "*");
    headers.put("Access-Control-Allow-Methods", "POST, GET, PUT, DELETE, OPTIONS");
    String requested = exchange.header("Access-Control-Request-Headers");
    headers.put(
        "Access-Control-Allow-Headers",
        requested != null
            ? requested
            : "content-type,x-amz-target,x-amz-user-agent,authorization,x-amz-date,x-amz-security-token,cache-control");
    headers.put("Access-Control-Expose-Headers", CORS_EXPOSE);
    headers.put("Access-Control-Max-Age", "86400");
    return new ApiResponse(response.status(), headers, response.body());
  }
}
