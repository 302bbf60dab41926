package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A checked-in npm project under {@code local/src/test/js}: installs it from its lock file with
 * {@code npm ci} when {@code node_modules} is missing or older than the lock file, and runs its
 * scripts with {@code node}. Output goes to files under {@code local/target/node/} so a failed run
 * can be read afterwards.
 */
final class NodeProject {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private final Path dir;
  private final Path logs;

  private NodeProject(Path dir, Path logs) {
    this.dir = dir;
    this.logs = logs;
  }

  /**
   * The project in {@code src/test/js} of the module under test (failsafe runs in the module
   * directory).
   */
  static NodeProject testJs() {
    Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    return new NodeProject(base.resolve("src/test/js"), base.resolve("target/node"));
  }

  /**
   * Another checked-in project under {@code src/test} of the module under test, e.g. {@code
   * amplify}.
   */
  static NodeProject testDirectory(String name) {
    Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    return new NodeProject(
        base.resolve("src/test").resolve(name), base.resolve("target/node-" + name));
  }

  /** Runs {@code npm ci} unless node_modules was installed from the current lock file. */
  void install(Duration timeout) throws Exception {
    Path installed = dir.resolve("node_modules/.package-lock.json");
    Path lock = dir.resolve("package-lock.json");
    if (Files.exists(installed)
        && !Files.getLastModifiedTime(lock)
            .toInstant()
            .isAfter(Files.getLastModifiedTime(installed).toInstant())) {
      return;
    }
    Result result =
        run(
            "npm-ci",
            List.of(WINDOWS ? "npm.cmd" : "npm", "ci", "--no-audit", "--no-fund"),
            Map.of(),
            timeout);
    if (result.exitCode() != 0) {
      fail(
          "npm ci in "
              + dir
              + " failed with exit code "
              + result.exitCode()
              + "; see "
              + result.stderrFile()
              + ":\n"
              + result.stderr());
    }
  }

  /** The version npm installed for {@code packageName}, read from its package.json. */
  String installedVersion(String packageName) throws IOException {
    return JSON.readTree(
            dir.resolve("node_modules").resolve(packageName).resolve("package.json").toFile())
        .path("version")
        .asText();
  }

  /** The version package-lock.json pins for {@code packageName}. */
  String lockedVersion(String packageName) throws IOException {
    return JSON.readTree(dir.resolve("package-lock.json").toFile())
        .path("packages")
        .path("node_modules/" + packageName)
        .path("version")
        .asText();
  }

  /**
   * Runs {@code node script} with the given environment added; fails the test if it does not end in
   * time.
   */
  Result node(String script, Map<String, String> environment, Duration timeout) throws Exception {
    return run(script, List.of("node", script), environment, timeout);
  }

  /**
   * Starts {@code node script} in the background (a server for the test) and waits until it prints
   * its first stdout line, a JSON object; {@link Running#close} stops it and its children.
   */
  Running start(String script, Map<String, String> environment, Duration timeout) throws Exception {
    Files.createDirectories(logs);
    Path stdout = logs.resolve(script + ".stdout");
    Path stderr = logs.resolve(script + ".stderr");
    ProcessBuilder builder =
        new ProcessBuilder(List.of("node", script))
            .directory(dir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.readString(stdout, StandardCharsets.UTF_8);
      int newline = out.indexOf('\n');
      if (newline > 0) {
        return new Running(process, JSON.readTree(out.substring(0, newline)));
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    fail(
        "node "
            + script
            + " did not start; see "
            + stderr
            + ":\n"
            + Files.readString(stderr, StandardCharsets.UTF_8));
    return null;
  }

  /** A background node process and the JSON line it printed when ready. */
  record Running(Process process, JsonNode ready) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Result run(
      String name, List<String> command, Map<String, String> environment, Duration timeout)
      throws Exception {
    Files.createDirectories(logs);
    Path stdout = logs.resolve(name + ".stdout");
    Path stderr = logs.resolve(name + ".stderr");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError(
          "Cannot run '"
              + command.get(0)
              + "': the amazon-cognito-identity-js compatibility"
              + " test needs Node.js (18 or later) and npm on the PATH. Install them, or run the build with"
              + " -Dit.test='!AmazonCognitoIdentityJsIT' to leave this test out. ("
              + e.getMessage()
              + ")",
          e);
    }
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail(
          String.join(" ", command)
              + " did not finish within "
              + timeout
              + "; output so far in "
              + stdout
              + " and "
              + stderr
              + ":\n"
              + Files.readString(stdout, StandardCharsets.UTF_8)
              + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return new Result(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8),
        stderr);
  }

  record Result(int exitCode, String stdout, String stderr, Path stderrFile) {
    /** Stdout read as JSON lines; a line that is not JSON fails the test with the whole output. */
    List<JsonNode> jsonLines() {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : stdout.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        try {
          lines.add(JSON.readTree(line));
        } catch (IOException e) {
          fail("not a JSON line: " + line + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
        }
      }
      return lines;
    }
  }
}
