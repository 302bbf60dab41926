package dev.userpool.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.operations.Implementations;
import dev.userpool.protocol.CognitoProtocol;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.validation.ServiceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in events/ through the Lambda entry point, as {@code sam local invoke UserpoolFunction
 * -e events/<file>} would send it, in the order of events/expected.json and against one in-memory
 * store; ids that a successful answer returns are substituted into later events. The manifest and
 * the folder must list the same files, and every implemented operation needs at least one event.
 */
class EventsReplayTest {
  private static final Path EVENTS = Path.of("..", "events");
  private static final ObjectMapper EVENT_READER =
      Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Placeholder → where a successful answer carries its value. */
  private static final Map<String, String> CAPTURES =
      Map.of(
          "poolId", "/UserPool/Id",
          "clientId", "/UserPoolClient/ClientId",
          "clientSecret", "/UserPoolClient/ClientSecret",
          "username", "/User/Username",
          "jobId", "/UserImportJob/JobId");

  private final Clock clock = Clock.systemUTC();
  private final Wiring wiring =
      new Wiring(
          AppConfig.inMemory(),
          clock,
          EmbeddedItemTable.inMemory(clock),
          RequestAuthenticator.ACCEPT_ALL);
  private final ApiGatewayHandler handler = new ApiGatewayHandler(wiring);

  @Test
  void whenEveryEventIsReplayedThenEachAnswersItsExpectedStatus() throws IOException {
    Map<String, String> captured = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Integer> expected : manifest().entrySet()) {
      String text = substitute(Files.readString(EVENTS.resolve(expected.getKey())), captured);
      APIGatewayProxyRequestEvent event =
          EVENT_READER.readValue(text, APIGatewayProxyRequestEvent.class);
      APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
      if (response.getStatusCode().intValue() != expected.getValue().intValue()) {
        failures.add(
            expected.getKey()
                + ": expected "
                + expected.getValue()
                + ", got "
                + response.getStatusCode()
                + " "
                + response.getBody());
      } else if (response.getStatusCode() == 200) {
        capture(Json.read(response.getBody()), captured);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void whenFolderAndManifestAreComparedThenTheyListTheSameFiles() throws IOException {
    Set<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(EVENTS)) {
      list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.equals("expected.json"))
          .forEach(files::add);
    }
    assertEquals(files, new TreeSet<>(manifest().keySet()));
  }

  @Test
  void whenEventsAreReadThenEachHasTheShapeSamLocalInvokeTakes() throws IOException {
    for (String file : manifest().keySet()) {
      JsonNode event = Json.read(Files.readString(EVENTS.resolve(file)));
      for (String field :
          List.of("httpMethod", "path", "headers", "body", "isBase64Encoded", "requestContext")) {
        assertTrue(event.has(field), file + " lacks " + field);
      }
      String operation = file.substring(0, file.indexOf('.'));
      String target = event.get("headers").path("X-Amz-Target").asText("");
      // well-known documents and the domain's web routes (OAuth.*): no operation
      boolean getRoute =
          event.get("httpMethod").asText().equals("GET") || !event.get("path").asText().equals("/");
      assertTrue(
          operation.equals("UnknownOperation")
              || getRoute
              || target.equals(CognitoProtocol.TARGET_PREFIX + operation),
          file + " is named after " + operation + " but targets '" + target + "'");
    }
  }

  @Test
  void whenOperationsAreImplementedThenEachHasAnEvent() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (String file : manifest().keySet()) {
      covered.add(file.substring(0, file.indexOf('.')));
    }
    Set<String> missing =
        new TreeSet<>(
            Implementations.table(ServiceModel.load(), wiring.dependencies()).implementedNames());
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), "no events/<Operation>.json for " + missing);
  }

  private static Map<String, Integer> manifest() throws IOException {
    JsonNode events = Json.read(Files.readString(EVENTS.resolve("expected.json"))).get("events");
    Map<String, Integer> ordered = new LinkedHashMap<>();
    events.fields().forEachRemaining(e -> ordered.put(e.getKey(), e.getValue().asInt()));
    return ordered;
  }

  private static String substitute(String text, Map<String, String> captured) {
    String out = text;
    for (Map.Entry<String, String> value : captured.entrySet()) {
      out = out.replace("${" + value.getKey() + "}", value.getValue());
    }
    return out;
  }

  private static void capture(JsonNode answer, Map<String, String> captured) {
    CAPTURES.forEach(
        (name, pointer) -> {
          JsonNode value = answer.at(pointer);
          if (value.isTextual()) {
            captured.put(name, value.asText());
          }
        });
  }
}
