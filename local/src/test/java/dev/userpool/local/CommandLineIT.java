package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * The server's command line as a user meets it: the built jar in a child process for exit codes,
 * what reaches the terminal and the port; {@link LocalOptions#parse} directly for every kind of bad
 * option.
 */
class CommandLineIT {
  @TempDir Path tmp;

  @Test
  void whenHelpIsAskedThenEveryOptionIsListedWithItsDefaultAndTheExitCodeIsZero() throws Exception {
    LocalJar.Result result = LocalJar.run("--help");

    assertEquals(0, result.exit(), result.stderr());
    assertEquals("", result.stderr());
    List<String> lines = result.stdout().lines().toList();
    for (LocalOptions.Option option : LocalOptions.OPTIONS) {
      int at = -1;
      for (int i = 0; i < lines.size() && at < 0; i++) {
        if (lines.get(i).startsWith("  " + option.name() + " ")
            || lines.get(i).equals("  " + option.name())) {
          at = i;
        }
      }
      assertTrue(at >= 0, option.name() + " missing from --help:\n" + result.stdout());
      StringBuilder entry = new StringBuilder(lines.get(at).strip());
      for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("      "); i++) {
        entry.append(' ').append(lines.get(i).strip()); // a description wrapped onto the next lines
      }
      assertTrue(lines.stream().allMatch(l -> l.length() <= 100), "lines fit a terminal");
      if (option.defaultValue() != null) {
        assertTrue(
            entry.toString().contains("(default: " + option.defaultValue() + ")"),
            entry.toString());
      }
    }
    assertTrue(
        result.stdout().contains("(default: 9229)")
            && result.stdout().contains("(default: 127.0.0.1)"));
  }

  @Test
  void whenVersionIsAskedThenTheProjectVersionIsPrinted() throws Exception {
    LocalJar.Result result = LocalJar.run("--version");

    assertEquals(0, result.exit());
    assertTrue(
        result.stdout().strip().matches("userpool-local \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
        result.stdout());
  }

  @Test
  void whenThePortIsNotANumberThenOneLineAndExitTwo() throws Exception {
    String line = LocalJar.run("--in-memory", "--port", "abc").oneErrorLine();

    assertEquals(
        "userpool-local: --port needs a whole number from 0 to 65535, not \"abc\" (see --help)",
        line);
  }

  @Test
  void whenAnOptionIsUnknownThenOneLineAndExitTwo() throws Exception {
    assertEquals(
        "userpool-local: unknown option --frobnicate (see --help)",
        LocalJar.run("--in-memory", "--frobnicate").oneErrorLine());
  }

  @Test
  void whenInMemoryAndDataDirAreBothGivenThenOneLineAndTheFolderIsNotCreated() throws Exception {
    Path dir = tmp.resolve("never");

    String line = LocalJar.run("--in-memory", "--data-dir", dir.toString()).oneErrorLine();

    assertTrue(line.contains("--in-memory and --data-dir contradict each other"), line);
    assertFalse(Files.exists(dir));
  }

  @Test
  void whenThePortIsInUseThenOneLineNamingItAndExitTwo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String line =
          LocalJar.run("--in-memory", "--port", Integer.toString(taken.getLocalPort()))
              .oneErrorLine();

      assertTrue(
          line.startsWith(
              "userpool-local: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
          line);
      assertTrue(line.contains("--port"), line);
    }
  }

  @Test
  void whenThePortIsInUseThenTheDataFolderIsNotEvenCreated() throws Exception {
    Path dir = tmp.resolve("data");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      LocalJar.run("--data-dir", dir.toString(), "--port", Integer.toString(taken.getLocalPort()))
          .oneErrorLine();
    }
    assertFalse(Files.exists(dir));
  }

  @Test
  void whenTheHostIsUnknownThenOneLineAndExitTwo() throws Exception {
    String line =
        LocalJar.run("--in-memory", "--port", "0", "--host", "no-such-host.invalid").oneErrorLine();

    assertTrue(line.startsWith("userpool-local: cannot listen on no-such-host.invalid"), line);
  }

  @Test
  void whenAFileIsWhereTheDataFolderShouldBeThenOneLineAndTheFileStays() throws Exception {
    Path file = Files.writeString(tmp.resolve("data"), "notes");

    String line = LocalJar.run("--port", "0", "--data-dir", file.toString()).oneErrorLine();

    assertTrue(line.startsWith("userpool-local: cannot use " + file + " as the data folder"), line);
    assertTrue(line.contains("--data-dir"), line);
    assertEquals("notes", Files.readString(file));
  }

  /**
   * A folder nobody may write: tests run as root, who ignores permission bits, so an immutable
   * folder ({@code chattr +i}, which binds root too) stands in for a read-only one; skipped where
   * chattr is refused.
   */
  @Test
  void whenTheDataFolderCannotBeWrittenThenOneLineAndExitTwo() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("readonly"));
    Assumptions.assumeTrue(chattr("+i", dir), "chattr +i is not available here");
    try {
      String line = LocalJar.run("--port", "0", "--data-dir", dir.toString()).oneErrorLine();

      assertTrue(
          line.startsWith(
              "userpool-local: cannot use "
                  + dir
                  + " as the data folder: writing its lock file"
                  + " failed (Operation not permitted); choose another with --data-dir DIR"),
          line);
    } finally {
      chattr("-i", dir);
    }
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  private static boolean chattr(String flag, Path path) throws Exception {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException noChattr) {
      return false;
    }
  }

  @Test
  void whenListeningOnEveryInterfaceThenTheServerAnswersOnLoopback() throws Exception {
    try (LocalJar jar = LocalJar.start("--in-memory", "--port", "0", "--host", "0.0.0.0")) {
      assertTrue(jar.stderr().contains("listening on every interface"), jar.stderr());
      int port = URI.create(jar.endpoint()).getPort();
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
    }
  }

  @Test
  void whenRequestsAreServedThenEachGetsOneLineWithOperationStatusErrorTypeAndTime()
      throws Exception {
    try (LocalJar jar = LocalJar.start("--in-memory", "--port", "0");
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(jar.endpoint(), Region.US_EAST_1)) {
      cognito.createUserPool(b -> b.poolName("logged"));
      assertThrows(
          ResourceNotFoundException.class,
          () -> cognito.describeUserPool(b -> b.userPoolId("us-east-1_missing")));
      String log = jar.stop().stderr();

      assertTrue(
          log.lines()
              .anyMatch(
                  l ->
                      l.matches(
                          "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z CreateUserPool 200 \\d+ms [0-9a-f-]{36}")),
          log);
      assertTrue(
          log.lines()
              .anyMatch(
                  l ->
                      l.matches(
                          ".*Z DescribeUserPool 400 ResourceNotFoundException \\d+ms [0-9a-f-]{36}")),
          log);
    }
  }

  @Test
  void whenARequestIsServedThenItsLineReachesTheConsoleWhileTheServerRuns() throws Exception {
    try (LocalJar jar = LocalJar.start("--in-memory", "--port", "0");
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(jar.endpoint(), Region.US_EAST_1)) {
      cognito.createUserPool(b -> b.poolName("seen"));

      // The log's writer sends lines out in batches a fraction of a second apart, not at exit.
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (!jar.stderr().contains(" CreateUserPool 200 ") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(jar.stderr().contains(" CreateUserPool 200 "), jar.stderr());
    }
  }

  @Test
  void whenQuietThenNoRequestLinesButTheStartLine() throws Exception {
    try (LocalJar jar = LocalJar.start("--in-memory", "--port", "0", "--quiet");
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(jar.endpoint(), Region.US_EAST_1)) {
      cognito.createUserPool(b -> b.poolName("quiet"));
      String log = jar.stop().stderr();

      assertFalse(log.contains("CreateUserPool"), log);
      assertTrue(log.contains("listening on") && log.contains("request lines off (--quiet)"), log);
    }
  }

  @Test
  void whenTheJournalIsDamagedInTheMiddleThenTheServerRefusesToStartAndRepairKeepsWhatIsSafe()
      throws Exception {
    Path dir = tmp.resolve("data");
    String first;
    try (LocalJar jar = LocalJar.start("--data-dir", dir.toString(), "--port", "0");
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(jar.endpoint(), Region.US_EAST_1)) {
      first = cognito.createUserPool(b -> b.poolName("first")).userPool().id();
      jar.stop();
    }
    try (LocalJar jar = LocalJar.start("--data-dir", dir.toString(), "--port", "0");
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(jar.endpoint(), Region.US_EAST_1)) {
      cognito.createUserPool(b -> b.poolName("second"));
      cognito.createUserPool(b -> b.poolName("third"));
      jar.stop();
    }
    Path journal = dir.resolve("journal");
    byte[] bytes = Files.readAllBytes(journal);
    bytes[20] ^= 0x01; // inside the first of several lines: not a torn end
    Files.write(journal, bytes);
    byte[] snapshot = Files.readAllBytes(dir.resolve("snapshot"));

    String line = LocalJar.run("--data-dir", dir.toString(), "--port", "0").oneErrorLine();

    assertTrue(
        line.startsWith(
                "userpool-local: " + journal.toAbsolutePath().normalize() + " is damaged at byte 0")
            || line.startsWith("userpool-local: " + journal + " is damaged at byte 0"),
        line);
    assertTrue(line.contains("nothing was changed") && line.contains("--repair"), line);
    assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(journal)), "journal unchanged");
    assertTrue(
        java.util.Arrays.equals(snapshot, Files.readAllBytes(dir.resolve("snapshot"))),
        "snapshot unchanged");

    try (LocalJar jar = LocalJar.start("--data-dir", dir.toString(), "--port", "0", "--repair");
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(jar.endpoint(), Region.US_EAST_1)) {
      assertTrue(
          jar.stderr()
              .contains(
                  "repair: the damaged journal is kept as " + dir.resolve("journal.damaged-")),
          jar.stderr());
      assertEquals(
          List.of(first),
          cognito.listUserPools(b -> b.maxResults(60)).userPools().stream()
              .map(p -> p.id())
              .toList());
    }
    try (var files = Files.list(dir)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("journal.damaged-")));
    }
  }

  @Test
  void whenTheLastJournalLineIsTornThenTheServerStartsAndSaysWhatItDropped() throws Exception {
    Path dir = tmp.resolve("data");
    try (LocalJar jar = LocalJar.start("--data-dir", dir.toString(), "--port", "0");
        CognitoIdentityProviderClient cognito =
            LocalServerExtension.clientFor(jar.endpoint(), Region.US_EAST_1)) {
      cognito.createUserPool(b -> b.poolName("kept"));
      jar.stop();
    }
    Path journal = dir.resolve("journal");
    byte[] bytes = Files.readAllBytes(journal);
    Files.write(journal, java.util.Arrays.copyOf(bytes, bytes.length - 10));

    try (LocalJar jar = LocalJar.start("--data-dir", dir.toString(), "--port", "0")) {
      assertTrue(jar.stderr().contains("dropped the torn last line of " + journal), jar.stderr());
      assertTrue(jar.stderr().matches("(?s).*at byte \\d+ \\(\\d+ bytes\\).*"), jar.stderr());
    }
  }

  @Test
  void whenTheSnapshotIsGarbageThenTheServerRefusesToStart() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(dir.resolve("snapshot"), "this is not a snapshot\n");

    String line = LocalJar.run("--data-dir", dir.toString(), "--port", "0").oneErrorLine();

    assertTrue(line.contains(dir.resolve("snapshot") + " is damaged at byte 0"), line);
    assertEquals("this is not a snapshot\n", Files.readString(dir.resolve("snapshot")));
  }

  @Test
  void whenOptionsAreBadThenParseNamesTheProblemInOneLine() {
    assertUsage("--port needs a whole number from 0 to 65535, not \"70000\"", "--port", "70000");
    assertUsage("--port needs a value: --port N", "--port");
    assertUsage("--data-dir needs a value: --data-dir DIR", "--data-dir", "--in-memory");
    assertUsage("--port is given twice", "--port", "1", "--port", "2");
    assertUsage(
        "--repair repairs a data folder; with --in-memory there is none",
        "--in-memory",
        "--repair");
    assertUsage("--account needs 12 digits, not \"12\"", "--account", "12");
    assertUsage(
        "--issuer-base-url needs an http:// or https:// URL, not \"localhost:9229\"",
        "--issuer-base-url",
        "localhost:9229");
    assertUsage(
        "--outbox-size needs a whole number from 1 to 1000000, not \"0\"", "--outbox-size", "0");
    assertUsage(
        "--admin-key needs ACCESS_KEY_ID:SECRET_KEY, not \"nokey\"", "--admin-key", "nokey");
    assertUsage("unexpected argument \"9229\" (options start with --)", "9229");
  }

  @Test
  void whenNothingIsGivenThenTheDefaultsAreThoseTheHelpShows() {
    LocalOptions o = LocalOptions.parse();
    assertEquals(9229, o.port());
    assertEquals("127.0.0.1", o.host());
    assertEquals(Path.of(".userpool"), o.dataDir());
    assertEquals(1000, o.outboxSize());
    assertFalse(o.inMemory() || o.repair() || o.quiet());
  }

  @Test
  void whenTheReadmeDescribesStartingTheServerThenItNamesEveryOption() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int from = readme.indexOf("## Start the local server");
    String section = readme.substring(from, readme.indexOf("\n## ", from + 1));
    for (LocalOptions.Option option : LocalOptions.OPTIONS) {
      assertTrue(
          section.contains("`" + option.name()),
          option.name() + " is not in the README's start section");
    }
  }

  @Test
  void whenSocialProviderBaseUrlsAreGivenThenEachSocialTypeOnceAndOnlyThoseTypes() {
    LocalOptions o =
        LocalOptions.parse(
            "--social-provider-base-url",
            "Google=http://127.0.0.1:4000",
            "--social-provider-base-url",
            "LoginWithAmazon=http://127.0.0.1:4001");
    assertEquals(
        java.util.Map.of(
            "Google", "http://127.0.0.1:4000", "LoginWithAmazon", "http://127.0.0.1:4001"),
        o.toConfig().socialProviderBaseUrls());
    assertEquals(java.util.Map.of(), LocalOptions.parse().toConfig().socialProviderBaseUrls());
    assertUsage(
        "--social-provider-base-url needs TYPE=URL with TYPE Google, Facebook, LoginWithAmazon"
            + " or SignInWithApple, not \"OIDC=http://127.0.0.1:4000\"",
        "--social-provider-base-url",
        "OIDC=http://127.0.0.1:4000");
  }

  private static void assertUsage(String message, String... args) {
    LocalOptions.UsageException e =
        assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse(args));
    assertEquals(message, e.getMessage());
  }
}
