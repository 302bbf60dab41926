package dev.userpool.local;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps {@code java -jar userpool-local.jar} small without asking the user for JVM flags: started
 * without a heap limit, the jar replaces its own JVM by one with {@link #FLAGS} ({@link
 * ProcessImage}, execv: same process, nothing else stays resident). Without this the JVM sizes its
 * heap from the machine (a quarter of RAM) and the server grew to hundreds of MB under load
 * although its live data is a few MB plus ~3.5 MB per 1,000 users. Where a process cannot replace
 * itself (Windows, no native access) the jar runs itself as a child JVM with the same flags and
 * waits for it, passing its exit code on.
 *
 * <p>No relaunch when the user chose a heap limit ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, also
 * through {@code JAVA_TOOL_OPTIONS}/{@code JDK_JAVA_OPTIONS}), when not started from a jar (tests,
 * IDEs), or when {@code USERPOOL_NO_RELAUNCH} is set. The user's own JVM options come along, after
 * ours, so theirs win.
 */
final class BoundedHeapLauncher {
  /**
   * The heap follows the live data (MinHeapFreeRatio/MaxHeapFreeRatio keep 10–20% free in the old
   * generation after a collection) instead of a fixed limit that would end in OutOfMemoryError with
   * a few tens of thousands of users. The young generation stays at 12 MB, room for a burst of
   * requests' garbage: left to grow with the heap (a third of it) it took ~28 MB of the 172 after a
   * sign-up minute with 76,000 users, for no measurable CPU gain (docs/measurements.md). The serial
   * collector needs no extra threads or regions on a laptop-sized server; thread stacks of 512 KB,
   * a capped code cache and metaspace, two malloc arenas ({@link #ENVIRONMENT}), NIO's per-thread
   * buffer cache capped, and the C heap trimmed every 5 s (where the JVM knows
   * TrimNativeHeapInterval: 17.0.9+, 21.0.1+) keep the non-heap part bounded. C2 stays on although
   * C1 alone (TieredStopAtLevel=1) saved ~45 MB: without C2's BigInteger intrinsics a sign-in took
   * 27 ms of CPU instead of ~4 (docs/measurements.md).
   */
  static final List<String> FLAGS =
      List.of(
          "-Xms16m",
          "-XX:NewSize=12m",
          "-XX:MaxNewSize=12m",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=20",
          "-Xss512k",
          "-XX:CICompilerCount=2",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:MaxMetaspaceSize=64m",
          "-Djdk.nio.maxCachedBufferSize=262144");

  static final String SERIAL_GC = "-XX:+UseSerialGC";
  static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

  /**
   * glibc otherwise keeps one malloc arena per thread core count × 8, each holding freed memory.
   */
  static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  static final String CHILD_PROPERTY = "userpool.launched";

  private BoundedHeapLauncher() {}

  /**
   * The child's exit code when this process ran the server in a child JVM; empty when it should
   * serve itself. Does not return when it replaced this JVM.
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
    List<String> command = boundedCommand(java.get(), classPath, args);
    ProcessImage.replaceWith(command, ENVIRONMENT); // returns only when it could not
    return runAsChild(command);
  }

  /** This server again: our flags, then the user's JVM options, then its class path and args. */
  static List<String> boundedCommand(String java, String classPath, String[] args) {
    List<String> userOptions = userJvmOptions();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(FLAGS);
    if (userOptions.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
      command.add(SERIAL_GC);
    }
    if (jvmKnows("TrimNativeHeapInterval")) {
      command.add(TRIM_NATIVE_HEAP);
    }
    command.addAll(userOptions);
    command.add("-D" + CHILD_PROPERTY + "=true");
    command.add("-cp");
    command.add(classPath);
    command.add(LocalServer.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * The options the user gave the {@code java} command: what precedes {@code -jar} (or the main
   * class), without the class path, which the new command sets itself. Options from environment
   * variables are left out: the new JVM reads those variables again.
   */
  static List<String> userJvmOptions() {
    List<String> argv = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    List<String> options = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (arg.equals("-jar") || arg.equals(LocalServer.class.getName())) {
        return options;
      }
      if (arg.equals("-cp") || arg.equals("-classpath") || arg.equals("--class-path")) {
        i++; // and its value
      } else if (!arg.startsWith("--class-path=")) {
        options.add(arg);
      }
    }
    return List.of(); // not a command line we understand: pass nothing on
  }

  private static boolean jvmKnows(String flag) {
    try {
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(flag);
      return true;
    } catch (IllegalArgumentException | LinkageError e) {
      return false;
    }
  }

  private static Optional<Integer> runAsChild(List<String> command) {
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
