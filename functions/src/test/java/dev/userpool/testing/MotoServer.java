package dev.userpool.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * The moto server (an open-source AWS API emulator) that DynamoDB-backed tests run against, started
 * at most once per JVM and stopped when the JVM exits.
 *
 * <p>Without system property {@code userpool.moto.port} (Maven's {@code -Dmoto.port} sets it) each
 * test JVM starts its own moto on a port the operating system reports free, so two builds on one
 * machine, and the functions and local test JVMs of one build, never share or reset each other's
 * server. With the property, moto runs on that port, and a moto already answering there is reused,
 * so a developer can keep one running between test runs.
 *
 * <p>A shared server may be used by other test JVMs: use {@link #uniqueTableName} rather than fixed
 * names, and call {@link #reset} only when no one else can be using it. A server started by hand
 * with plain {@code python3 -m moto.server} works too, but lets concurrent conditional writes race
 * (see {@link #SERIALIZED_MOTO}), so concurrency tests may then fail.
 */
public final class MotoServer {
  public static final String PORT_PROPERTY = "userpool.moto.port";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * {@code python3 -m moto.server}, except that requests are handled one at a time. Moto's threaded
   * server checks a write's condition and stores the item in separate steps, so two concurrent
   * conditional writes can both succeed; DynamoDB never lets that happen, and the store contracts
   * test exactly that.
   */
  private static final String SERIALIZED_MOTO =
      String.join(
          "\n",
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

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static final String INSTALL_HINT =
      "run .ci/install-test-tools (it installs Debian's python3-moto,"
          + " or moto with pip where Debian has no package), or: python3 -m pip install 'moto[server]'";

  private static URI endpoint;
  private static String python;

  private MotoServer() {}

  /** The moto endpoint, starting the server first if nothing answers on the port. */
  public static synchronized URI endpoint() {
    if (endpoint == null) {
      Integer fixed = configuredPort();
      endpoint = fixed != null ? onFixedPort(fixed) : onFreePort();
    }
    return endpoint;
  }

  /** The port given with {@code -Dmoto.port}, or null when the build should pick one. */
  static Integer configuredPort() {
    return configuredPort(System.getProperty(PORT_PROPERTY));
  }

  /**
   * {@code value} of the port property: null (pick a free port) when unset, blank or Maven's
   * unresolved expression.
   */
  static Integer configuredPort(String property) {
    String value = property == null ? "" : property.trim();
    if (value.isEmpty()
        || value.startsWith("${")) { // unset, or Maven passed the unresolved expression through
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("-Dmoto.port must be a port number, not '" + value + "'", e);
    }
  }

  private static URI onFixedPort(int port) {
    URI uri = uriFor(port);
    if (!answers(uri)) {
      start(port);
    }
    return uri;
  }

  /**
   * Our own moto on a free port. Between asking the OS for a free port and moto binding it another
   * process may take it; then moto exits at once and the next free port is tried.
   */
  private static URI onFreePort() {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      try {
        start(port);
        return uriFor(port);
      } catch (PortTakenException e) {
        last = e;
      }
    }
    throw last;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free local port for the moto server", e);
    }
  }

  private static URI uriFor(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * A DynamoDB client for moto: region us-east-1, dummy static credentials, the URL-connection HTTP
   * client.
   */
  public static DynamoDbClient dynamoDbClient() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
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
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
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

  /** True when moto's own API answers, as opposed to nothing or some other program on the port. */
  private static boolean answers(URI uri) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri.resolve("/moto-api/config"))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() / 100 == 2 && response.body().trim().startsWith("{");
    } catch (IOException nothingOrNotMoto) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void start(int port) {
    URI uri = uriFor(port);
    List<String> command =
        List.of(python(), "-c", SERIALIZED_MOTO, "-H", "127.0.0.1", "-p", String.valueOf(port));
    Path log;
    Process process;
    try {
      log = Files.createTempFile("moto-server-", ".log");
      log.toFile().deleteOnExit();
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + command.get(0) + " for the moto server; " + INSTALL_HINT, e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "moto-server-stop"));
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (answers(uri)) {
        return; // ours, or (with -Dmoto.port) another JVM's that won the race for the port
      }
      if (!process.isAlive()) {
        String output = output(log);
        if (output.contains("Address already in use")) {
          throw new PortTakenException(port);
        }
        throw new IllegalStateException(
            "the moto server exited with code " + process.exitValue() + tail(output));
      }
      sleep(Duration.ofMillis(200));
    }
    stop(process);
    throw new IllegalStateException(
        "the moto server did not answer on "
            + uri
            + " within "
            + STARTUP_TIMEOUT.toSeconds()
            + " s"
            + tail(output(log)));
  }

  /**
   * The first Python 3 that can run moto's server: the one on the PATH (e.g. a virtualenv or pyenv
   * with {@code pip install 'moto[server]'}), else the system's, where Debian's python3-moto
   * installs it.
   */
  private static synchronized String python() {
    if (python == null) {
      for (String candidate : List.of("python3", "/usr/bin/python3")) {
        if (runs(candidate, "-c", "import moto.server, flask")) {
          python = candidate;
          return python;
        }
      }
      throw new IllegalStateException("moto's server is not installed; " + INSTALL_HINT);
    }
    return python;
  }

  private static boolean runs(String... command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
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

  private static String output(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String output) {
    String advice =
        output.toLowerCase(Locale.ROOT).contains("no module named") ? "\n" + INSTALL_HINT : "";
    return advice
        + "\nserver output:\n"
        + (output.length() > 2000 ? output.substring(output.length() - 2000) : output);
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

  /** Moto could not bind the port picked for it: someone took it after it was found free. */
  private static final class PortTakenException extends IllegalStateException {
    PortTakenException(int port) {
      super("port " + port + " was taken before the moto server could bind it");
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
