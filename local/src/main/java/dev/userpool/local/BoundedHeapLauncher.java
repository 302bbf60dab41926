package dev.userpool.local;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps {@code java -jar userpool-local.jar} small without asking the user for JVM flags: started
 * without a heap limit, the jar runs itself again as a child JVM with {@link #FLAGS} and waits for
 * it, passing its exit code on. Without this the JVM sizes its heap from the machine (a quarter of
 * RAM) and the server grew to hundreds of MB under load although its live data is a few MB plus ~2
 * MB per 1,000 users.
 *
 * <p>No relaunch when the user chose a heap limit ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, also
 * through {@code JAVA_TOOL_OPTIONS}/{@code JDK_JAVA_OPTIONS}), when not started from a jar (tests,
 * IDEs), or when {@code USERPOOL_NO_RELAUNCH} is set. The parent forwards nothing but its own
 * termination: Ctrl-C reaches both through the terminal's process group, and a {@code kill} of the
 * parent stops the child by the shutdown hook.
 */
final class BoundedHeapLauncher {
  /**
   * 64 MB of heap holds 10,000 users (about 24 MB live) with room to spare; the serial collector
   * needs no extra threads or regions on a laptop-sized server; thread stacks of 512 KB, a capped
   * code cache and metaspace, and two malloc arenas ({@link #ENVIRONMENT}) keep the non-heap part
   * bounded. C2 stays on although C1 alone (TieredStopAtLevel=1) saved ~45 MB: without C2's
   * BigInteger intrinsics a sign-in took 27 ms of CPU instead of ~4 (docs/measurements.md).
   */
  static final List<String> FLAGS =
      List.of(
          "-Xmx64m",
          "-Xms16m",
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-XX:CICompilerCount=2",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:MaxMetaspaceSize=64m");

  /**
   * glibc otherwise keeps one malloc arena per thread core count × 8, each holding freed memory.
   */
  static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  static final String CHILD_PROPERTY = "userpool.launched";

  private BoundedHeapLauncher() {}

  /**
   * The child's exit code when this process relaunched itself; empty when it should serve itself.
   */
  static Optional<Integer> relaunchIfUnbounded(String[] args) {
    if (System.getProperty(CHILD_PROPERTY) != null
        || System.getenv("USERPOOL_NO_RELAUNCH") != null
        || heapChosen()) {
      return Optional.empty();
    }
    String classPath = System.getProperty("java.class.path", "");
    Optional<String> java = ProcessHandle.current().info().command();
    if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator) || java.isEmpty()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.addAll(FLAGS);
    command.add("-D" + CHILD_PROPERTY + "=true");
    command.add("-cp");
    command.add(classPath);
    command.add(LocalServer.class.getName());
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().putAll(ENVIRONMENT);
      Process child = builder.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    child.destroy();
                    try {
                      child.waitFor();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      return Optional.of(child.waitFor());
    } catch (IOException e) {
      return Optional.empty(); // cannot start a child: serve from this JVM, unbounded
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(1);
    }
  }

  private static boolean heapChosen() {
    List<String> flags =
        new ArrayList<>(ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()));
    for (String env : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      String value = System.getenv(env);
      if (value != null) {
        flags.addAll(List.of(value.trim().split("\\s+")));
      }
    }
    return flags.stream()
        .anyMatch(
            f ->
                f.startsWith("-Xmx")
                    || f.startsWith("-XX:MaxRAM")
                    || f.startsWith("-XX:MaxHeapSize"));
  }
}
