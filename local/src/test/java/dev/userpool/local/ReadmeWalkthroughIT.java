package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Runs the README's walk-through exactly as written: every fenced block that follows a {@code <!--
 * walk-through: ... -->} marker, in order, in one bash with {@code set -euo pipefail}, with the
 * real AWS CLI, curl and jq, against a fresh local server. The only change is the server's address:
 * the README's {@code http://localhost:9229} becomes this server's free port. The CLI runs with an
 * empty home folder, so no profile or config of the machine's user takes part.
 *
 * <p>If a command in the README breaks (a renamed option, a flow the server refuses, a code that
 * does not confirm), bash stops at it and this test fails with the script's output; the state the
 * walk-through leaves is then checked through the AWS SDK.
 */
class ReadmeWalkthroughIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  static final String MARKER = "<!-- walk-through:";
  static final String README_ENDPOINT = "http://localhost:9229";

  @Test
  void theReadmeCommandsSignUpConfirmAndSignInAUser() throws Exception {
    String readme = Files.readString(repositoryRoot().resolve("README.md"), StandardCharsets.UTF_8);
    List<String> blocks = walkthroughBlocks(readme);
    assertFalse(blocks.isEmpty(), "README.md has no block marked " + MARKER);
    String script = String.join("\n", blocks);
    assertTrue(
        script.contains(README_ENDPOINT),
        "the walk-through no longer uses " + README_ENDPOINT + "; update this test's substitution");

    Result run = bash(script.replace(README_ENDPOINT, server.endpoint()));

    assertEquals(
        0,
        run.exitCode(),
        "the README walk-through failed (exit "
            + run.exitCode()
            + ")\n--- stdout\n"
            + run.stdout()
            + "\n--- stderr\n"
            + run.stderr());
    JsonNode user = lastJsonDocument(run.stdout());
    assertEquals("alice", user.path("Username").asText(), run.stdout());
    assertEquals("alice@example.com", attribute(user, "email"), run.stdout());
    assertEquals("true", attribute(user, "email_verified"), run.stdout());

    List<UserPoolDescriptionType> pools =
        server.client().listUserPools(r -> r.maxResults(10)).userPools();
    assertEquals(1, pools.size());
    assertEquals("demo", pools.get(0).name());
    assertEquals(
        UserStatusType.CONFIRMED,
        server
            .client()
            .adminGetUser(r -> r.userPoolId(pools.get(0).id()).username("alice"))
            .userStatus());
  }

  @Test
  void extractsTheMarkedBlocksOnly() {
    String readme =
        String.join(
            "\n",
            "# Title",
            "```sh",
            "not this",
            "```",
            MARKER + " x -->",
            "",
            "```sh",
            "echo one",
            "echo two",
            "```",
            "```sh",
            "nor this",
            "```",
            MARKER + " y -->",
            "```bash",
            "echo three",
            "```");
    assertEquals(List.of("echo one\necho two", "echo three"), walkthroughBlocks(readme));
  }

  /**
   * The body of each fenced block that follows a marker line (blank lines between the two allowed).
   */
  static List<String> walkthroughBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].trim().startsWith(MARKER)) {
        continue;
      }
      int open = i + 1;
      while (open < lines.length && lines[open].isBlank()) {
        open++;
      }
      if (open == lines.length || !lines[open].startsWith("```")) {
        fail(
            "README.md: the marker on line " + (i + 1) + " is not followed by a fenced code block");
      }
      StringBuilder block = new StringBuilder();
      int line = open + 1;
      for (; line < lines.length && !lines[line].startsWith("```"); line++) {
        block.append(block.length() > 0 ? "\n" : "").append(lines[line]);
      }
      if (line == lines.length) {
        fail("README.md: the code block opened on line " + (open + 1) + " is never closed");
      }
      blocks.add(block.toString());
      i = line;
    }
    return blocks;
  }

  private static Path repositoryRoot() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
  }

  private static Result bash(String script) throws Exception {
    Path home = Files.createTempDirectory("readme-walkthrough-home");
    Path logs =
        Path.of(System.getProperty("basedir", "."))
            .toAbsolutePath()
            .resolve("target/readme-walkthrough");
    Files.createDirectories(logs);
    Files.writeString(logs.resolve("script.sh"), script, StandardCharsets.UTF_8);
    Path stdout = logs.resolve("stdout.txt");
    Path stderr = logs.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-euo", "pipefail", logs.resolve("script.sh").toString())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().put("HOME", home.toString());
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("AWS_")); // only what the README exports
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("cannot run bash for the README walk-through", e);
    }
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("the README walk-through did not finish within 3 minutes; output in " + logs);
    }
    Result result =
        new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    if (result.exitCode() == 127 || result.stderr().contains("command not found")) {
      fail(
          "the README walk-through needs the AWS CLI, curl and jq on the PATH; run .ci/install-test-tools\n"
              + result.stderr());
    }
    return result;
  }

  /** get-user prints the last JSON document of the script's output. */
  private static JsonNode lastJsonDocument(String stdout) {
    int start = stdout.lastIndexOf("\n{");
    String last = start >= 0 ? stdout.substring(start + 1) : stdout;
    try {
      return Json.read(last);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "the walk-through did not end with get-user's JSON answer:\n" + stdout, e);
    }
  }

  private static String attribute(JsonNode user, String name) {
    for (JsonNode attribute : user.path("UserAttributes")) {
      if (name.equals(attribute.path("Name").asText())) {
        return attribute.path("Value").asText();
      }
    }
    return null;
  }

  private record Result(int exitCode, String stdout, String stderr) {}
}
