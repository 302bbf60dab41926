package dev.userpool.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.protocol.OperationTable;
import dev.userpool.protocol.RequestAuthenticator;
import dev.userpool.store.embedded.EmbeddedItemTable;
import dev.userpool.validation.ServiceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md is derived from the operation table and the service model; this test fails
 * when they drift. It is the one place that counts operations (all, implemented, public): the
 * README links it rather than repeat numbers that go stale. Regenerate with {@code mvn -pl
 * functions test -Dtest=OperationsDocTest -Duserpool.writeDocs=true}.
 */
class OperationsDocTest {
  private static final Path DOC = Path.of("..", "docs", "operations.md");

  @Test
  void whenOperationTableChangesThenOperationsDocIsRegenerated() throws IOException {
    Wiring wiring =
        new Wiring(
            AppConfig.inMemory(),
            Clock.systemUTC(),
            EmbeddedItemTable.inMemory(Clock.systemUTC()),
            RequestAuthenticator.ACCEPT_ALL);
    String expected = render(Implementations.table(ServiceModel.load(), wiring.dependencies()));
    if (Boolean.getBoolean("userpool.writeDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertEquals(
        expected, actual, "docs/operations.md is stale: regenerate it (see this test's comment)");
  }

  @Test
  void whenTheReadmeTalksAboutOperationsThenItLeavesTheCountsToThisDoc() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher count =
        Pattern.compile("\\b\\d+\\s+(public\\s+|IAM\\s+|implemented\\s+)?(ones|operations)\\b")
            .matcher(readme);
    assertFalse(
        count.find(),
        () -> "README states \"" + count.group() + "\"; link docs/operations.md instead");
  }

  static String render(OperationTable table) {
    ServiceModel model = table.model();
    StringBuilder out = new StringBuilder();
    long implemented =
        model.operationNames().stream().filter(n -> table.find(n).isPresent()).count();
    long open =
        model.operationNames().stream().filter(n -> !model.operation(n).requiresSigV4()).count();
    out.append("# Operations\n\n")
        .append(
            "Generated from the operation table and the service model by `OperationsDocTest`; do not edit by hand.\n\n")
        .append("Userpool serves the ")
        .append(model.operationNames().size())
        .append(
            " operations of the Cognito user pools API (2016-04-18) in its current service model. ")
        .append(implemented)
        .append(" are implemented. Every operation validates its input against the service ")
        .append(
            "model; one that is not implemented yet answers `UnsupportedOperationException` naming it.\n\n")
        .append("Auth: ")
        .append(model.operationNames().size() - open)
        .append(" `IAM` operations are SigV4-signed admin calls; the other ")
        .append(open)
        .append(" are `public`, authorised by an access token, a session or a client id.\n\n")
        .append("| Operation | Auth | Status |\n|---|---|---|\n");
    for (String name : model.operationNames()) {
      out.append("| ")
          .append(name)
          .append(" | ")
          .append(model.operation(name).requiresSigV4() ? "IAM" : "public")
          .append(" | ")
          .append(table.find(name).isPresent() ? "implemented" : "not yet")
          .append(" |\n");
    }
    return out.toString();
  }
}
