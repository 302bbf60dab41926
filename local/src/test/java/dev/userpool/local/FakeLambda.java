package dev.userpool.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Lambda Invoke API as a test serves it ({@code POST
 * /2015-03-31/functions/<name>/invocations}): records every event by function name and answers as
 * the test says. A function without an answer returns the event unchanged (what a trigger that
 * allows everything does); an unknown function is whatever the test did not declare — it answers
 * 404 ResourceNotFoundException like Lambda. An {@code Event} invocation is answered 202 without a
 * body, as Lambda does. Started when constructed, so the local server can be given its endpoint as
 * {@code --lambda-endpoint}; reset before each test.
 */
final class FakeLambda implements BeforeEachCallback, AfterAllCallback {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:function:";

  /**
   * What a function answers: HTTP status, body, and the X-Amz-Function-Error header (null for
   * none).
   */
  record Answer(int status, String body, String functionError, long delayMillis) {
    static Answer of(JsonNode event) {
      return new Answer(200, event.toString(), null, 0);
    }

    static Answer functionError(String message) {
      return new Answer(
          200, "{\"errorMessage\":\"" + message + "\",\"errorType\":\"Error\"}", "Unhandled", 0);
    }

    static Answer raw(String body) {
      return new Answer(200, body, null, 0);
    }

    Answer delayed(long millis) {
      return new Answer(status, body, functionError, millis);
    }
  }

  @FunctionalInterface
  interface Behaviour {
    Answer answer(ObjectNode event);
  }

  private final HttpServer server;
  private final Map<String, Behaviour> functions = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> events = new ConcurrentHashMap<>();
  private final Map<String, List<String>> invocationTypes = new ConcurrentHashMap<>();

  FakeLambda() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/2015-03-31/functions/", this::invoke);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static String arn(String name) {
    return ARN_PREFIX + name;
  }

  /** Declares a function that answers with {@code behaviour}. */
  void function(String name, Behaviour behaviour) {
    functions.put(name, behaviour);
  }

  /** Declares a function that edits the event's {@code response} and returns the event. */
  void respond(String name, UnaryOperator<ObjectNode> editResponse) {
    function(
        name,
        event -> {
          ObjectNode response = event.with("response");
          editResponse.apply(response);
          return Answer.of(event);
        });
  }

  /** Declares a function that returns every event unchanged. */
  void allow(String name) {
    function(name, Answer::of);
  }

  List<ObjectNode> events(String name) {
    return events.getOrDefault(name, List.of());
  }

  /** The X-Amz-Invocation-Type of each invocation of {@code name}, in order. */
  List<String> invocationTypes(String name) {
    return invocationTypes.getOrDefault(name, List.of());
  }

  ObjectNode lastEvent(String name) {
    List<ObjectNode> list = events(name);
    if (list.isEmpty()) {
      throw new AssertionError("function " + name + " was not invoked");
    }
    return list.get(list.size() - 1);
  }

  private void invoke(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String name =
        path.substring("/2015-03-31/functions/".length(), path.length() - "/invocations".length());
    ObjectNode event = (ObjectNode) JSON.readTree(exchange.getRequestBody().readAllBytes());
    events.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(event.deepCopy());
    String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
    invocationTypes
        .computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
        .add(type == null ? "RequestResponse" : type);
    Behaviour behaviour = functions.get(name);
    Answer answer =
        behaviour == null
            ? new Answer(
                404,
                "{\"Type\":\"User\",\"message\":\"Function not found: " + name + "\"}",
                null,
                0)
            : behaviour.answer(event);
    if ("Event".equals(type) && answer.status() == 200) {
      // Lambda queues an Event invocation and answers 202 with no body, whatever the function does.
      answer = new Answer(202, "", null, answer.delayMillis());
    }
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (answer.status() == 404) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", "ResourceNotFoundException");
    }
    if (answer.functionError() != null) {
      exchange.getResponseHeaders().set("X-Amz-Function-Error", answer.functionError());
    }
    try {
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      // the caller gave up (timeout test)
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    functions.clear();
    events.clear();
    invocationTypes.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop(0);
  }
}
