package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserImportJobsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreconditionNotMetException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * User import jobs through the AWS SDK v2 client: the CSV is PUT to the PreSignedUrl as Cognito's
 * guide shows (with {@code x-amz-server-side-encryption: aws:kms}), the job runs, and the users
 * exist in RESET_REQUIRED.
 */
class UserImportJobsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final String ROLE = "arn:aws:iam::123456789012:role/CognitoImportLogs";
  private final CognitoIdentityProviderClient cognito = server.client();
  private final HttpClient http = HttpClient.newHttpClient();

  private String pool() {
    return cognito
        .createUserPool(
            r ->
                r.poolName("import")
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .aliasAttributesWithStrings("email"))
        .userPool()
        .id();
  }

  private List<String> header(String poolId) {
    return cognito.getCSVHeader(r -> r.userPoolId(poolId)).csvHeader();
  }

  /** A CSV with the pool's header reversed (Cognito allows any order) and one row per map. */
  private String csv(String poolId, List<Map<String, String>> rows) {
    List<String> columns = new ArrayList<>(header(poolId));
    java.util.Collections.reverse(columns);
    StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
    for (Map<String, String> row : rows) {
      out.append(
              columns.stream()
                  .map(c -> quote(row.getOrDefault(c, "")))
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return out.toString();
  }

  private static String quote(String value) {
    return value.contains(",") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }

  private static Map<String, String> user(String username, String email) {
    return Map.of(
        "cognito:username",
        username,
        "email",
        email,
        "email_verified",
        "true",
        "cognito:mfa_enabled",
        "false",
        "name",
        "Name, of " + username);
  }

  private UserImportJobType create(String poolId) {
    return cognito
        .createUserImportJob(
            r -> r.userPoolId(poolId).jobName("job one").cloudWatchLogsRoleArn(ROLE))
        .userImportJob();
  }

  private int put(String url, String body, boolean kmsHeader) throws Exception {
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(url))
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (kmsHeader) {
      put.header("x-amz-server-side-encryption", "aws:kms");
    }
    return http.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private UserImportJobType awaitFinished(String poolId, String jobId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      UserImportJobType job =
          cognito.describeUserImportJob(r -> r.userPoolId(poolId).jobId(jobId)).userImportJob();
      if (Set.of(
              UserImportJobStatusType.SUCCEEDED,
              UserImportJobStatusType.FAILED,
              UserImportJobStatusType.STOPPED)
          .contains(job.status())) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + jobId + " did not finish");
  }

  private UserImportJobType run(String poolId, String csv) throws Exception {
    UserImportJobType job = create(poolId);
    assertEquals(200, put(job.preSignedUrl(), csv, true));
    UserImportJobType started =
        cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId())).userImportJob();
    assertEquals(UserImportJobStatusType.PENDING, started.status());
    assertNotNull(started.startDate());
    return awaitFinished(poolId, job.jobId());
  }

  @Test
  void whenJobIsCreatedThenItIsCreatedWithAnUploadUrlOnThisServer() {
    String poolId = pool();
    UserImportJobType job = create(poolId);

    assertTrue(job.jobId().matches("import-[0-9a-zA-Z-]+"), job.jobId());
    assertEquals(UserImportJobStatusType.CREATED, job.status());
    assertEquals(ROLE, job.cloudWatchLogsRoleArn());
    assertEquals("job one", job.jobName());
    assertEquals(poolId, job.userPoolId());
    assertTrue(
        job.preSignedUrl().startsWith(server.endpoint() + "/_local/import/"), job.preSignedUrl());
    assertTrue(job.preSignedUrl().contains("token="), job.preSignedUrl());
    assertEquals(0L, job.importedUsers());
    assertNotEquals(job.jobId(), create(poolId).jobId());
  }

  @Test
  void whenCsvIsImportedThenGoodRowsBecomeResetRequiredUsersAndBadRowsAreCountedNotStored()
      throws Exception {
    String poolId = pool();
    cognito.adminCreateUser(
        r -> r.userPoolId(poolId).username("existing").messageAction("SUPPRESS"));
    List<Map<String, String>> rows =
        List.of(
            user("alice", "alice@example.com"),
            user("bob", "bob@example.com"),
            user("carol", "carol@example.com"),
            user("existing", "existing@example.com"), // skipped: the username exists
            Map.of(
                "cognito:username",
                "dave",
                "email",
                "dave@example.com",
                "email_verified",
                "false"), // not verified
            Map.of(
                "cognito:username",
                "erin",
                "email",
                "erin@example.com",
                "email_verified",
                "true",
                "cognito:mfa_enabled",
                "maybe"), // not a boolean
            user("frank", "alice@example.com")); // alice's verified email alias is taken
    UserImportJobType done = run(poolId, csv(poolId, rows));

    assertEquals(UserImportJobStatusType.SUCCEEDED, done.status(), done.completionMessage());
    assertEquals(3L, done.importedUsers());
    assertEquals(1L, done.skippedUsers());
    assertEquals(3L, done.failedUsers());
    assertNotNull(done.completionDate());
    assertTrue(
        done.completionMessage().contains("Imported 3, skipped 1, failed 3"),
        done.completionMessage());
    assertTrue(
        done.completionMessage().contains("line 6: email_verified must be true"),
        done.completionMessage());

    AdminGetUserResponse alice = cognito.adminGetUser(r -> r.userPoolId(poolId).username("alice"));
    assertEquals(UserStatusType.RESET_REQUIRED, alice.userStatus());
    Map<String, String> attributes =
        alice.userAttributes().stream()
            .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    assertEquals("alice@example.com", attributes.get("email"));
    assertEquals("true", attributes.get("email_verified"));
    assertEquals("Name, of alice", attributes.get("name"));
    assertNotNull(attributes.get("sub"));
    // the alias works: the verified email finds alice
    assertEquals(
        "alice",
        cognito.adminGetUser(r -> r.userPoolId(poolId).username("alice@example.com")).username());
    for (String absent : List.of("dave", "erin", "frank")) {
      Expect.error(
          software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException.class,
          "User does not exist",
          () -> cognito.adminGetUser(r -> r.userPoolId(poolId).username(absent)));
    }
    assertEquals(
        UserStatusType.FORCE_CHANGE_PASSWORD,
        cognito.adminGetUser(r -> r.userPoolId(poolId).username("existing")).userStatus());
  }

  @Test
  void whenRowIsOversizedOrHasTheWrongFieldCountThenOnlyThatRowFails() throws Exception {
    String poolId = pool();
    String csv =
        csv(
            poolId,
            List.of(
                user("alice", "alice@example.com"),
                Map.of(
                    "cognito:username",
                    "huge",
                    "email",
                    "huge@example.com",
                    "email_verified",
                    "true",
                    "name",
                    "n".repeat(16_001)),
                user("bob", "bob@example.com")));
    csv = csv + "short,row\r\n";
    UserImportJobType done = run(poolId, csv);

    assertEquals(UserImportJobStatusType.SUCCEEDED, done.status(), done.completionMessage());
    assertEquals(2L, done.importedUsers());
    assertEquals(2L, done.failedUsers());
    assertTrue(
        done.completionMessage().contains("line 3: the row is longer than 16000 characters"),
        done.completionMessage());
    assertEquals(
        Set.of("alice", "bob"),
        cognito.listUsers(r -> r.userPoolId(poolId)).users().stream()
            .map(u -> u.username())
            .collect(Collectors.toSet()));
  }

  @Test
  void whenImportedUserSignsInThenPasswordResetIsRequired() throws Exception {
    String poolId = pool();
    String clientId =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("c")
                        .explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .userPoolClient()
            .clientId();
    assertEquals(
        1L, run(poolId, csv(poolId, List.of(user("alice", "alice@example.com")))).importedUsers());

    Expect.error(
        PasswordResetRequiredException.class,
        "Password reset required",
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Whatever1!"))));
  }

  @Test
  void whenHeaderDiffersFromGetCsvHeaderThenJobFailsAndImportsNobody() throws Exception {
    String poolId = pool();
    String good = csv(poolId, List.of(user("alice", "alice@example.com")));
    String missing = good.replaceFirst("cognito:username,", "");
    UserImportJobType failed = run(poolId, missing);
    assertEquals(UserImportJobStatusType.FAILED, failed.status());
    assertTrue(
        failed.completionMessage().contains("lacks column cognito:username"),
        failed.completionMessage());

    UserImportJobType unknown = run(poolId, good.replaceFirst("cognito:username", "custom:nope"));
    assertEquals(UserImportJobStatusType.FAILED, unknown.status());
    assertTrue(unknown.completionMessage().contains("custom:nope"), unknown.completionMessage());

    byte[] latin1 = good.replace("Name, of", "Ren\u00e9e,").getBytes(StandardCharsets.ISO_8859_1);
    UserImportJobType raw = create(poolId);
    HttpRequest rawPut =
        HttpRequest.newBuilder(URI.create(raw.preSignedUrl()))
            .header("x-amz-server-side-encryption", "aws:kms")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(latin1))
            .build();
    assertEquals(200, http.send(rawPut, HttpResponse.BodyHandlers.discarding()).statusCode());
    cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(raw.jobId()));
    UserImportJobType badEncoding = awaitFinished(poolId, raw.jobId());
    assertEquals(UserImportJobStatusType.FAILED, badEncoding.status());
    assertTrue(
        badEncoding.completionMessage().contains("not valid UTF-8"),
        badEncoding.completionMessage());

    assertEquals(0, cognito.listUsers(r -> r.userPoolId(poolId)).users().size());
  }

  @Test
  void whenUploadLacksTokenOrEncryptionHeaderThenItIsRefusedAndTheJobHasNoFile() throws Exception {
    String poolId = pool();
    UserImportJobType job = create(poolId);
    String body = csv(poolId, List.of(user("alice", "alice@example.com")));
    String url = job.preSignedUrl();
    String withoutToken = url.substring(0, url.indexOf('?'));

    assertEquals(403, put(withoutToken, body, true));
    assertEquals(403, put(withoutToken + "?token=" + "A".repeat(43), body, true));
    assertEquals(403, put(url, body, false));
    UserImportJobType other = create(poolId);
    assertEquals(403, put(other.preSignedUrl().replace(other.jobId(), job.jobId()), body, true));

    cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId()));
    UserImportJobType failed = awaitFinished(poolId, job.jobId());
    assertEquals(UserImportJobStatusType.FAILED, failed.status());
    assertTrue(
        failed.completionMessage().contains("No CSV file was uploaded"),
        failed.completionMessage());
    assertEquals(0, cognito.listUsers(r -> r.userPoolId(poolId)).users().size());
    // once started, the URL no longer takes uploads
    assertEquals(403, put(url, body, true));
  }

  @Test
  void whenJobIsStartedTwiceOrStoppedAfterItFinishedThenPreconditionNotMet() throws Exception {
    String poolId = pool();
    UserImportJobType done = run(poolId, csv(poolId, List.of(user("alice", "alice@example.com"))));

    Expect.error(
        PreconditionNotMetException.class,
        "only a job in status Created can start",
        () -> cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(done.jobId())));
    Expect.error(
        PreconditionNotMetException.class,
        "its status is Succeeded",
        () -> cognito.stopUserImportJob(r -> r.userPoolId(poolId).jobId(done.jobId())));
    UserImportJobType fresh = create(poolId);
    Expect.error(
        PreconditionNotMetException.class,
        "its status is Created",
        () -> cognito.stopUserImportJob(r -> r.userPoolId(poolId).jobId(fresh.jobId())));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.describeUserImportJob(r -> r.userPoolId(poolId).jobId("import-nothere")));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId("import-nothere")));
  }

  @Test
  @Tag("slow-on-moto") // 500 users through moto's TransactWriteItems: see local/pom.xml
  void whenRunningAndQueuedJobsAreStoppedThenTheyEndStoppedKeepingWhatWasImported()
      throws Exception {
    String poolId = pool();
    List<Map<String, String>> many = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(user("user" + i, "user" + i + "@example.com"));
    }
    UserImportJobType big = create(poolId);
    assertEquals(200, put(big.preSignedUrl(), csv(poolId, many), true));
    UserImportJobType queued = create(poolId);
    assertEquals(
        200, put(queued.preSignedUrl(), csv(poolId, List.of(user("q", "q@example.com"))), true));

    cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(big.jobId()));
    cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(queued.jobId()));
    assertEquals(
        UserImportJobStatusType.STOPPING,
        cognito
            .stopUserImportJob(r -> r.userPoolId(poolId).jobId(queued.jobId()))
            .userImportJob()
            .status());
    assertEquals(
        UserImportJobStatusType.STOPPING,
        cognito
            .stopUserImportJob(r -> r.userPoolId(poolId).jobId(big.jobId()))
            .userImportJob()
            .status());

    UserImportJobType bigDone = awaitFinished(poolId, big.jobId());
    assertEquals(UserImportJobStatusType.STOPPED, bigDone.status());
    assertTrue(bigDone.importedUsers() < 20_000, "imported " + bigDone.importedUsers());
    UserImportJobType queuedDone = awaitFinished(poolId, queued.jobId());
    assertEquals(UserImportJobStatusType.STOPPED, queuedDone.status());
    assertEquals(0L, queuedDone.importedUsers());
    assertEquals(
        bigDone.importedUsers(),
        cognito
            .describeUserPool(r -> r.userPoolId(poolId))
            .userPool()
            .estimatedNumberOfUsers()
            .longValue());
  }

  @Test
  void whenJobsAreListedInPagesThenEveryJobAppearsOnce() {
    String poolId = pool();
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(poolId).jobId());
    }
    Set<String> listed = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      String t = token;
      ListUserImportJobsResponse page =
          cognito.listUserImportJobs(r -> r.userPoolId(poolId).maxResults(2).paginationToken(t));
      assertTrue(page.userImportJobs().size() <= 2);
      page.userImportJobs().forEach(j -> listed.add(j.jobId()));
      token = page.paginationToken();
      pages++;
    } while (token != null);
    assertEquals(created, listed);
    assertEquals(3, pages);
    assertNull(
        cognito.listUserImportJobs(r -> r.userPoolId(poolId).maxResults(60)).paginationToken());
  }

  /** Uploads in a data folder are streamed to a file there; the job reads it back. */
  @Test
  void whenServerHasADataFolderThenTheUploadIsAFileThereAndImports(@TempDir Path data)
      throws Exception {
    LocalOptions options = new LocalOptions(0, data, false, "us-east-1", "123456789012", null);
    try (LocalServer onDisk = LocalServer.start(options, java.time.Clock.systemUTC());
        CognitoIdentityProviderClient client =
            LocalServerExtension.clientFor(
                onDisk.endpoint(), software.amazon.awssdk.regions.Region.US_EAST_1)) {
      String poolId =
          client
              .createUserPool(
                  r -> r.poolName("disk").autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
              .userPool()
              .id();
      UserImportJobType job =
          client
              .createUserImportJob(
                  r -> r.userPoolId(poolId).jobName("disk").cloudWatchLogsRoleArn(ROLE))
              .userImportJob();
      List<String> columns = client.getCSVHeader(r -> r.userPoolId(poolId)).csvHeader();
      Function<Map<String, String>, String> line =
          row ->
              columns.stream()
                  .map(c -> quote(row.getOrDefault(c, "")))
                  .collect(Collectors.joining(","));
      assertEquals(
          200,
          put(
              job.preSignedUrl(),
              String.join(",", columns)
                  + "\n"
                  + line.apply(user("alice", "alice@example.com"))
                  + "\n",
              true));
      assertTrue(
          Files.isRegularFile(
              data.resolve("imports").resolve(poolId).resolve(job.jobId() + ".csv")));
      // (moved aside to <jobId>.importing.csv when the job starts; later uploads cannot change what
      // it reads)

      client.startUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId()));
      UserImportJobType done = null;
      for (int i = 0;
          i < 1200 && (done == null || !done.status().equals(UserImportJobStatusType.SUCCEEDED));
          i++) {
        Thread.sleep(50);
        done =
            client
                .describeUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId()))
                .userImportJob();
      }
      assertEquals(UserImportJobStatusType.SUCCEEDED, done.status(), done.completionMessage());
      assertEquals(
          UserStatusType.RESET_REQUIRED,
          client.adminGetUser(r -> r.userPoolId(poolId).username("alice")).userStatus());
      Path folder = data.resolve("imports").resolve(poolId);
      assertTrue(Files.isRegularFile(folder.resolve(job.jobId() + ".importing.csv")));
      assertTrue(Files.notExists(folder.resolve(job.jobId() + ".csv")));
    }
  }
}
