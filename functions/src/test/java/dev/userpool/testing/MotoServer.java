package dev.userpool.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The moto server (an open-source AWS API emulator) that DynamoDB-backed tests run against. Started at most once
 * per JVM on the port in system property {@code userpool.moto.port} (default 5123) and stopped when the JVM exits;
 * a moto already answering on that port is reused, so a developer can keep one running between test runs.
 *
 * <p>The server may be shared with other test JVMs: use {@link #uniqueTableName} rather than fixed names, and call
 * {@link #reset} only when no one else can be using it. A server started by hand with plain
 * {@code python3 -m moto.server} works too, but lets concurrent conditional writes race (see
 * {@link #SERIALIZED_MOTO}), so concurrency tests may then fail.
 */
public final class MotoServer {
  public static final String PORT_PROPERTY = "userpool.moto.port";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  /**
   * {@code python3 -m moto.server}, except that requests are handled one at a time. Moto's threaded server checks
   * a write's condition and stores the item in separate steps, so two concurrent conditional writes can both
   * succeed; DynamoDB never lets that happen, and the store contracts test exactly that.
   */
  private static final String SERIALIZED_MOTO = String.join("\n",
      "import sys, threading",
      "from moto import server",
      "from moto.moto_server.werkzeug_app import DomainDispatcherApplication as App",
      "lock = threading.Lock()",
      "handle = App.__call__",
      "def serialized(self, environ, start_response):",
      "    with lock:",
      "        return handle(self, environ, start_response)",
      "App.__call__ = serialized",
      "server.main(sys.argv[1:])");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static URI endpoint;

  private MotoServer() {}

  /** The moto endpoint, starting the server first if nothing answers on the port. */
  public static synchronized URI endpoint() {
    if (endpoint == null) {
      URI uri = URI.create("http://127.0.0.1:" + port());
      if (!answers(uri)) {
        start(uri);
      }
      endpoint = uri;
    }
    return endpoint;
  }

  /** A DynamoDB client for moto: region us-east-1, dummy static credentials, the URL-connection HTTP client. */
  public static DynamoDbClient dynamoDbClient() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** A table name no other test class or test JVM sharing the server will use. */
  public static String uniqueTableName(Class<?> testClass) {
    return testClass.getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Drops every resource in the server, for every user of it. */
  public static void reset() {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
              .POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("moto reset answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("moto reset failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int port() {
    return Integer.getInteger(PORT_PROPERTY, 5123);
  }

  /** True when moto's own API answers, as opposed to nothing or some other program on the port. */
  private static boolean answers(URI uri) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(uri.resolve("/moto-api/config")).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() / 100 == 2 && response.body().trim().startsWith("{");
    } catch (IOException nothingOrNotMoto) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void start(URI uri) {
    ensureMotoInstalled();
    Path log;
    Process process;
    List<String> command = List.of("python3", "-c", SERIALIZED_MOTO, "-H", "127.0.0.1", "-p", String.valueOf(port()));
    try {
      log = Files.createTempFile("moto-server-", ".log");
      log.toFile().deleteOnExit();
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run python3 for the moto server; install Python 3 and run: pip install 'moto[server]'", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "moto-server-stop"));
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (answers(uri)) {
        return; // ours, or another JVM's that won the race for the port
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the moto server exited with code " + process.exitValue() + hint(log));
      }
      sleep(Duration.ofMillis(200));
    }
    stop(process);
    throw new IllegalStateException(
        "the moto server did not answer on " + uri + " within " + STARTUP_TIMEOUT.toSeconds() + " s" + hint(log));
  }

  /**
   * The README's test command must work on a fresh machine: install moto with pip when it is missing and pip can
   * reach its registry; otherwise stop with the exact command to run.
   */
  private static void ensureMotoInstalled() {
    if (runs("python3", "-c", "import moto.server, flask")) {
      return;
    }
    if (!runs("python3", "-m", "pip", "install", "--quiet", "moto[server]")
        || !runs("python3", "-c", "import moto.server, flask")) {
      throw new IllegalStateException("moto's server is not installed and could not be installed automatically;"
          + " run: python3 -m pip install 'moto[server]'");
    }
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String hint(Path log) {
    String output;
    try {
      output = Files.readString(log);
    } catch (IOException e) {
      output = "";
    }
    String advice = output.toLowerCase(Locale.ROOT).contains("no module named")
        ? "\nmoto is not installed; run: pip install 'moto[server]'"
        : "\nif moto is missing, run: pip install 'moto[server]'";
    String tail = output.length() > 2000 ? output.substring(output.length() - 2000) : output;
    return advice + "\nserver output:\n" + tail;
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the moto server", e);
    }
  }
}
