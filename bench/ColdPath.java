import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.lambda.ApiGatewayHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Lambda cold path in one JVM: construct the handler the way the runtime does (no-argument
 * constructor, configuration from the environment), answer one API Gateway event from events/,
 * and print the process CPU time (all threads: JIT and GC included) at each step. Run by
 * bench/coldpath.sh against the shaded jar with USERPOOL_STORE=memory.
 *
 * <p>Prints one line: {@code boot-cpu-ms} (JVM start to main), {@code init-cpu-ms} (handler
 * construction), {@code event-cpu-ms} (reading the event and answering it), {@code total-cpu-ms}.
 */
public final class ColdPath {
  public static void main(String[] args) throws Exception {
    long boot = cpuMillis();
    long wallStart = System.nanoTime();
    ApiGatewayHandler handler = new ApiGatewayHandler();
    long init = cpuMillis();
    ObjectMapper reader =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    APIGatewayProxyRequestEvent event =
        reader.readValue(Files.readString(Path.of(args[0])), APIGatewayProxyRequestEvent.class);
    APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
    long answered = cpuMillis();
    long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
    System.out.printf(
        "status=%d boot-cpu-ms=%d init-cpu-ms=%d event-cpu-ms=%d total-cpu-ms=%d"
            + " main-wall-ms=%d%n",
        response.getStatusCode(),
        boot,
        init - boot,
        answered - init,
        answered,
        wallMillis);
  }

  private static long cpuMillis() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(Duration::toMillis)
        .orElseThrow(() -> new IllegalStateException("no process CPU time on this OS"));
  }
}
