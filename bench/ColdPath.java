import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.lambda.ApiGatewayHandler;
import dev.userpool.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    APIGatewayProxyRequestEvent event = event(Json.read(Files.readString(Path.of(args[0]))));
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

  /**
   * The members of the API Gateway event the handler reads. Mapped by hand, not with a databind
   * mapper: on Lambda the runtime deserializes the event with its own copy of Jackson, a cost that
   * is the runtime's, so the harness should not add ours.
   */
  private static APIGatewayProxyRequestEvent event(JsonNode json) {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
    event.setHttpMethod(json.path("httpMethod").asText(null));
    event.setPath(json.path("path").asText(null));
    event.setResource(json.path("resource").asText(null));
    event.setBody(json.path("body").asText(null));
    event.setIsBase64Encoded(json.path("isBase64Encoded").asBoolean(false));
    Map<String, String> headers = new LinkedHashMap<>();
    json.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    event.setHeaders(headers);
    Map<String, List<String>> query = new LinkedHashMap<>();
    json.path("multiValueQueryStringParameters")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> values = new java.util.ArrayList<>();
              e.getValue().forEach(v -> values.add(v.asText()));
              query.put(e.getKey(), values);
            });
    event.setMultiValueQueryStringParameters(query.isEmpty() ? null : query);
    JsonNode context = json.path("requestContext");
    if (context.isObject()) {
      APIGatewayProxyRequestEvent.ProxyRequestContext requestContext =
          new APIGatewayProxyRequestEvent.ProxyRequestContext();
      requestContext.setPath(context.path("path").asText(null));
      APIGatewayProxyRequestEvent.RequestIdentity identity =
          new APIGatewayProxyRequestEvent.RequestIdentity();
      identity.setSourceIp(context.path("identity").path("sourceIp").asText(null));
      requestContext.setIdentity(identity);
      event.setRequestContext(requestContext);
    }
    return event;
  }

  private static long cpuMillis() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(Duration::toMillis)
        .orElseThrow(() -> new IllegalStateException("no process CPU time on this OS"));
  }
}
