package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built server jar ({@code target/userpool-local.jar}) in a child JVM, as a user runs it: its
 * exit code, stdout and stderr. For what only a real process shows: exit codes, what reaches the
 * terminal, and shutdown.
 */
final class LocalJar implements AutoCloseable {
  static final Path JAR = Path.of("target", "userpool-local.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on (?:.*?)(http://[^ )]+)");

  private final Process process;
  private final Path out;
  private final Path err;

  private LocalJar(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** What a finished run printed and returned. */
  record Result(int exit, String stdout, String stderr) {
    List<String> stderrLines() {
      return stderr.lines().filter(l -> !l.isBlank()).toList();
    }

    /** A user error: exit 2 and exactly one line on stderr, no stack trace. */
    String oneErrorLine() {
      List<String> lines = stderrLines();
      assertTrue(
          exit == LocalServer.USAGE_ERROR && lines.size() == 1,
          "expected exit 2 and one line on stderr, got exit " + exit + " and:\n" + stderr);
      assertTrue(
          !stderr.contains("Exception") && !stderr.contains("\tat "), "no stack trace:\n" + stderr);
      return lines.get(0);
    }
  }

  /** Runs the jar with {@code args} to its end (it must end within a minute). */
  static Result run(String... args) throws Exception {
    try (LocalJar jar = launch(List.of(), args)) {
      if (!jar.process.waitFor(60, TimeUnit.SECONDS)) {
        fail("the server did not exit; stderr:\n" + Files.readString(jar.err));
      }
      return jar.result();
    }
  }

  /**
   * Starts the jar and waits until it says where it listens (or fails the test with what it
   * printed).
   */
  static LocalJar start(String... args) throws Exception {
    return start(List.of(), args);
  }

  /** As {@link #start(String...)}, with {@code jvmOptions} on the java command before -jar. */
  static LocalJar start(List<String> jvmOptions, String... args) throws Exception {
    LocalJar jar = launch(jvmOptions, args);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (LISTENING.matcher(Files.readString(jar.err)).find()) {
        return jar;
      }
      if (!jar.process.isAlive()) {
        String printed = Files.readString(jar.err); // before close(), which deletes the file
        jar.close();
        fail("the server exited with " + jar.process.exitValue() + ":\n" + printed);
      }
      Thread.sleep(50);
    }
    String printed = Files.readString(jar.err);
    jar.close();
    throw new AssertionError("the server did not start in 60 s:\n" + printed);
  }

  private static LocalJar launch(List<String> jvmOptions, String... args) throws IOException {
    assertTrue(
        Files.isRegularFile(JAR), JAR.toAbsolutePath() + " missing: run the package phase first");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("userpool-local-", ".out");
    Path err = Files.createTempFile("userpool-local-", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new LocalJar(process, out, err);
  }

  /** The URL the server printed in its start-up line. */
  String endpoint() throws IOException {
    Matcher m = LISTENING.matcher(Files.readString(err));
    assertTrue(m.find(), "no start-up line");
    return m.group(1);
  }

  /** The process the test started (the server itself when the jar replaced its JVM). */
  ProcessHandle process() {
    return process.toHandle();
  }

  String stderr() throws IOException {
    return Files.readString(err);
  }

  /**
   * Stops the server as Ctrl-C does (SIGTERM, so shutdown hooks run) and returns what it printed.
   */
  Result stop() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the server ignored SIGTERM");
    }
    return result();
  }

  private Result result() throws IOException {
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
  }
}
