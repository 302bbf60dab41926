package dev.userpool.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.store.embedded.EmbeddedItemTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays functions/src/test/resources/fidelity/: one file per answer real Cognito was seen to
 * give, with the public source it was seen in. Each file runs against an in-memory deployment
 * through {@link CognitoProtocol}, the entry the Lambda handler and the local server share. A file
 * is:
 *
 * <pre>
 * {
 *   "observed": "what was seen, in a sentence",
 *   "source": "https://… (the public page quoting Cognito's answer)",
 *   "setup": [ {"operation": "CreateUserPool", "request": {…}, "capture": {"poolId": "/UserPool/Id"}}, … ],
 *   "operation": "AdminInitiateAuth",
 *   "request": { … "${poolId}" … },
 *   "expected": {"status": 400, "__type": "InvalidParameterException", "message": "…"}
 * }
 * </pre>
 *
 * Setup steps must succeed; a capture stores a value of their answer (a JSON pointer) for {@code
 * ${name}} in later requests and expected texts. A 200 answer is checked with {@code "fields":
 * {"/json/pointer": "value"}} instead of type and message.
 */
class FidelityCorpusTest {
  private static final Path CORPUS = Path.of("src", "test", "resources", "fidelity");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

  /**
   * One in-memory deployment for all files: each makes its own pool, so they cannot see each other.
   */
  private static final CognitoProtocol PROTOCOL =
      new Wiring(
              AppConfig.inMemory(),
              Clock.systemUTC(),
              EmbeddedItemTable.inMemory(Clock.systemUTC()),
              RequestAuthenticator.ACCEPT_ALL)
          .protocol();

  @TestFactory
  Stream<DynamicTest> everyObservedAnswerIsGivenAgain() throws IOException {
    return files().stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
  }

  @Test
  void whenTheCorpusIsReadThenEveryFileNamesItsSourceAndItsExpectedAnswer() throws IOException {
    List<Path> files = files();
    assertFalse(files.isEmpty(), "no corpus files in " + CORPUS.toAbsolutePath());
    for (Path file : files) {
      JsonNode entry = Json.read(Files.readString(file, StandardCharsets.UTF_8));
      assertTrue(
          entry.path("source").asText().startsWith("https://"),
          file + ": source must be a public URL");
      assertFalse(entry.path("observed").asText().isBlank(), file + ": says what was observed");
      assertTrue(
          entry.path("operation").isTextual() && entry.path("request").isObject(),
          file + ": the call");
      JsonNode expected = entry.path("expected");
      assertTrue(expected.path("status").isInt(), file + ": expected.status");
      if (expected.path("status").asInt() == 200) {
        assertTrue(
            expected.path("fields").isObject(), file + ": a 200 answer names the fields it checks");
      } else {
        assertTrue(
            expected.path("__type").isTextual() && expected.path("message").isTextual(),
            file + ": an error names its __type and message");
      }
    }
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(CORPUS)) {
      return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static void replay(Path file) throws IOException {
    JsonNode entry = Json.read(Files.readString(file, StandardCharsets.UTF_8));
    Map<String, String> captured = new HashMap<>();
    for (JsonNode step : entry.path("setup")) {
      ApiResponse answer =
          call(PROTOCOL, step.get("operation").asText(), step.get("request"), captured);
      assertEquals(
          200,
          answer.status(),
          file.getFileName()
              + ": setup "
              + step.get("operation").asText()
              + " failed: "
              + answer.bodyText());
      JsonNode body = Json.read(answer.bodyText());
      Iterator<Map.Entry<String, JsonNode>> captures = step.path("capture").fields();
      while (captures.hasNext()) {
        Map.Entry<String, JsonNode> c = captures.next();
        JsonNode value = body.at(c.getValue().asText());
        assertTrue(
            value.isTextual(),
            file.getFileName() + ": setup answer has no " + c.getValue().asText());
        captured.put(c.getKey(), value.asText());
      }
    }
    ApiResponse answer =
        call(PROTOCOL, entry.get("operation").asText(), entry.get("request"), captured);
    JsonNode expected = entry.get("expected");
    String where = file.getFileName() + " (" + entry.path("source").asText() + ")";
    assertEquals(expected.get("status").asInt(), answer.status(), where + ": " + answer.bodyText());
    JsonNode body = Json.read(answer.bodyText());
    if (answer.status() == 200) {
      expected
          .get("fields")
          .fields()
          .forEachRemaining(
              f ->
                  assertEquals(
                      substitute(f.getValue().asText(), captured),
                      body.at(f.getKey()).asText(null),
                      where + ": " + f.getKey()));
      return;
    }
    assertEquals(expected.get("__type").asText(), body.path("__type").asText(), where);
    assertEquals(
        substitute(expected.get("message").asText(), captured),
        body.path("message").asText(),
        where);
    assertEquals(
        expected.get("__type").asText() + ":", answer.headers().get("x-amzn-ErrorType"), where);
  }

  /**
   * Replaces every {@code ${name}} with what a setup step captured; an unknown name fails the file.
   */
  private static String substitute(String text, Map<String, String> captured) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = captured.get(m.group(1));
      if (value == null) {
        throw new AssertionError("nothing captured as ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static ApiResponse call(
      CognitoProtocol protocol, String operation, JsonNode request, Map<String, String> captured) {
    String body = substitute(Json.write(request), captured);
    ApiRequest apiRequest =
        new ApiRequest(
            "POST",
            "/",
            Map.of(
                "X-Amz-Target",
                CognitoProtocol.TARGET_PREFIX + operation,
                "Content-Type",
                CognitoProtocol.CONTENT_TYPE,
                "Host",
                "localhost:9229"), // the local server's address, which tokens name as their issuer
            body.getBytes(StandardCharsets.UTF_8),
            "127.0.0.1");
    return protocol.handle(apiRequest).response();
  }
}
