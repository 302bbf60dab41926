package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's start command ({@code java -jar}, no heap flags) as a user runs it: the jar replaces
 * its own JVM by one with bounded-memory flags, so one process serves and no launcher JVM stays
 * resident; where it cannot replace itself it serves from a child JVM instead.
 */
class BoundedHeapLaunchIT {
  private static final String LAUNCHED = "-D" + BoundedHeapLauncher.CHILD_PROPERTY + "=true";

  @Test
  void whenStartedWithoutHeapFlagsThenTheSameProcessServesWithTheBoundedFlagsAndTheUsersOptions()
      throws Exception {
    try (LocalJar jar =
        LocalJar.start(List.of("-Dmarker.option=kept"), "--in-memory", "--port", "0")) {
      List<String> arguments = arguments(jar.process());

      assertTrue(arguments.contains(LAUNCHED), "replaced JVM: " + arguments);
      assertTrue(arguments.containsAll(BoundedHeapLauncher.FLAGS), arguments.toString());
      assertTrue(arguments.contains(BoundedHeapLauncher.SERIAL_GC), arguments.toString());
      // the user's options come along (LocalJar passes TieredStopAtLevel and a marker)
      assertTrue(arguments.contains("-Dmarker.option=kept"), arguments.toString());
      assertTrue(arguments.contains("-XX:TieredStopAtLevel=1"), arguments.toString());
      assertEquals(0, jar.process().children().count(), "no second JVM");
      assertEquals(200, health(jar.endpoint()));

      jar.stop(); // SIGTERM to the process the user started
      assertFalse(jar.process().isAlive());
    }
  }

  @Test
  void whenTheUserChoseAHeapLimitThenTheJvmIsKeptAsStarted() throws Exception {
    try (LocalJar jar = LocalJar.start(List.of("-Xmx200m"), "--in-memory", "--port", "0")) {
      List<String> arguments = arguments(jar.process());

      assertFalse(arguments.contains(LAUNCHED), arguments.toString());
      assertTrue(arguments.contains("-Xmx200m"), arguments.toString());
      assertEquals(200, health(jar.endpoint()));
    }
  }

  @Test
  void whenTheProcessCannotReplaceItselfThenAChildJvmServesWithTheFlagsAndStopsWithIt()
      throws Exception {
    // JNA may neither unpack its native part from the jar nor find one on the system
    List<String> noNativeAccess = List.of("-Djna.nounpack=true", "-Djna.nosys=true");
    try (LocalJar jar = LocalJar.start(noNativeAccess, "--in-memory", "--port", "0")) {
      assertFalse(arguments(jar.process()).contains(LAUNCHED));
      List<ProcessHandle> children = jar.process().children().toList();
      assertEquals(1, children.size(), "one child JVM");
      ProcessHandle child = children.get(0);
      List<String> childArguments = arguments(child);
      assertTrue(childArguments.contains(LAUNCHED), childArguments.toString());
      assertTrue(childArguments.containsAll(BoundedHeapLauncher.FLAGS), childArguments.toString());
      assertEquals(200, health(jar.endpoint()));

      jar.stop();
      child.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(child.isAlive(), "the child stops with the launcher");
    }
  }

  private static List<String> arguments(ProcessHandle process) {
    return process.info().arguments().map(List::of).orElseThrow();
  }

  private static int health(String endpoint) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(endpoint + "/health")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
