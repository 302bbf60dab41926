package dev.userpool.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.config.AppConfig;
import dev.userpool.config.Wiring;
import dev.userpool.protocol.Json;
import dev.userpool.store.dynamodb.DynamoDbItemTable;
import dev.userpool.testing.MotoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User import jobs through the Lambda handler as deployed: DynamoDB and S3 are moto's, the CSV is
 * uploaded with a plain HTTP PUT to the S3 presigned URL CreateUserImportJob answers, and the
 * asynchronous self-invocation goes through the Lambda Invoke API served here, which queues the
 * events as Lambda does; the test delivers them to the handler, each one twice (Lambda delivers an
 * asynchronous event at least once), with a Context whose time runs out every few rows, so the job
 * is continued over several invocations.
 */
class UserImportJobsInAwsTest {
  private static final String FUNCTION = "userpool-api";
  private static final String VERSION = "7";
  private static final String BUCKET = "userpool-imports-test";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper EVENTS =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static HttpServer lambdaApi;
  private static final ConcurrentLinkedQueue<String> queued = new ConcurrentLinkedQueue<>();
  private static final List<String> invocations = new ArrayList<>();
  private static ApiGatewayHandler handler;
  private static String previousKey;
  private static String previousSecret;

  @BeforeAll
  static void deploy() throws Exception {
    String moto = MotoServer.endpoint().toString();
    String table = MotoServer.uniqueTableName(UserImportJobsInAwsTest.class);
    DynamoDbItemTable.createTable(MotoServer.dynamoDbClient(), table);
    HttpResponse<String> bucket =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(moto + "/" + BUCKET))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, bucket.statusCode(), bucket.body());

    lambdaApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    lambdaApi.createContext(
        "/2015-03-31/functions/",
        exchange -> {
          try (exchange) {
            synchronized (invocations) {
              invocations.add(
                  exchange.getRequestURI().getPath()
                      + "?"
                      + exchange.getRequestURI().getQuery()
                      + " "
                      + exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
            }
            queued.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1); // Lambda's answer to an Event invocation
          }
        });
    lambdaApi.start();

    // The function's credentials, as Lambda gives them (moto accepts any key).
    previousKey = System.setProperty("aws.accessKeyId", "testing");
    previousSecret = System.setProperty("aws.secretAccessKey", "testing");
    AppConfig config =
        new AppConfig(
                "dynamodb",
                table,
                moto,
                null,
                AppConfig.DEFAULT_ACCOUNT,
                AppConfig.DEFAULT_REGION,
                null)
            .withLambdaEndpoint("http://127.0.0.1:" + lambdaApi.getAddress().getPort())
            .withImports(new AppConfig.Imports(BUCKET, moto, FUNCTION, VERSION));
    handler = new ApiGatewayHandler(Wiring.fromConfig(config));
  }

  @AfterAll
  static void undeploy() {
    lambdaApi.stop(0);
    restore("aws.accessKeyId", previousKey);
    restore("aws.secretAccessKey", previousSecret);
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }

  @Test
  void whenCsvIsPutToThePresignedUrlThenTheJobRunsOverSeveralInvocationsAndSucceeds()
      throws Exception {
    String pool = pool();
    call("AdminCreateUser", Map.of("UserPoolId", pool, "Username", "u3"), 200);
    List<String> header = header(pool);
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    for (int i = 0; i < 25; i++) {
      csv.append(row(header, "u" + i, i == 7 ? "maybe" : "true")).append('\n');
    }
    JsonNode job = createJob(pool);
    String url = job.get("PreSignedUrl").asText();
    assertTrue(
        url.startsWith(
            MotoServer.endpoint()
                + "/"
                + BUCKET
                + "/imports/"
                + pool
                + "/"
                + job.get("JobId").asText()
                + ".csv?"),
        url);
    assertTrue(url.contains("X-Amz-Algorithm=AWS4-HMAC-SHA256"), url);
    assertTrue(url.contains("X-Amz-Expires=899"), url);
    assertTrue(url.contains("X-Amz-SignedHeaders=host%3Bx-amz-server-side-encryption"), url);
    assertTrue(url.contains("X-Amz-Credential=testing%2F"), url);
    assertEquals(200, put(url, csv.toString()).statusCode());
    String jobId = job.get("JobId").asText();
    assertEquals(
        url,
        call("DescribeUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200)
            .at("/UserImportJob/PreSignedUrl")
            .asText(),
        "Cognito shows the URL again");

    int sent = invocationCount();
    assertEquals(
        "Pending",
        call("StartUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200)
            .at("/UserImportJob/Status")
            .asText());
    assertEquals(sent + 1, invocationCount());
    assertEquals(
        "/2015-03-31/functions/" + FUNCTION + "/invocations?Qualifier=" + VERSION + " Event",
        lastInvocation());

    int runs = deliverQueuedEvents(10);
    assertTrue(runs >= 3 * 2, "continued over several invocations: " + runs);

    JsonNode done =
        call("DescribeUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200)
            .get("UserImportJob");
    assertEquals("Succeeded", done.get("Status").asText(), done.toString());
    assertEquals(23, done.get("ImportedUsers").asLong(), done.toString());
    assertEquals(1, done.get("SkippedUsers").asLong(), done.toString());
    assertEquals(1, done.get("FailedUsers").asLong(), done.toString());
    assertEquals(
        "RESET_REQUIRED",
        call("AdminGetUser", Map.of("UserPoolId", pool, "Username", "u24"), 200)
            .get("UserStatus")
            .asText());
    assertEquals(24, call("ListUsers", Map.of("UserPoolId", pool), 200).get("Users").size());
    // The upload and its sealed copy are gone once the job has ended.
    assertEquals(404, get(BUCKET + "/imports/" + pool + "/" + jobId + ".importing.csv"));
    assertEquals(404, get(BUCKET + "/imports/" + pool + "/" + jobId + ".csv"));
  }

  @Test
  void whenTheHeaderIsWrongThenTheJobFailsAndNobodyIsImported() throws Exception {
    String pool = pool();
    JsonNode job = createJob(pool);
    String jobId = job.get("JobId").asText();
    assertEquals(
        200,
        put(job.get("PreSignedUrl").asText(), "cognito:username,email,shoe_size\nu1,a@b.c,42\n")
            .statusCode());
    call("StartUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200);
    deliverQueuedEvents(1000);
    JsonNode failed =
        call("DescribeUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200)
            .get("UserImportJob");
    assertEquals("Failed", failed.get("Status").asText());
    assertEquals(0, failed.get("ImportedUsers").asLong());
    assertTrue(failed.get("CompletionMessage").asText().contains("shoe_size"), failed.toString());
    assertEquals(0, call("ListUsers", Map.of("UserPoolId", pool), 200).get("Users").size());
  }

  @Test
  void whenTheJobIsStoppedBeforeItsInvocationRunsThenItEndsStoppedWithNobodyImported()
      throws Exception {
    String pool = pool();
    List<String> header = header(pool);
    JsonNode job = createJob(pool);
    String jobId = job.get("JobId").asText();
    put(
        job.get("PreSignedUrl").asText(),
        String.join(",", header) + "\n" + row(header, "u1", "true") + "\n");
    call("StartUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200);
    assertEquals(
        "Stopping",
        call("StopUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200)
            .at("/UserImportJob/Status")
            .asText());
    deliverQueuedEvents(1000);
    assertEquals(
        "Stopped",
        call("DescribeUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200)
            .at("/UserImportJob/Status")
            .asText());
    assertEquals(0, call("ListUsers", Map.of("UserPoolId", pool), 200).get("Users").size());
  }

  @Test
  void whenTheJobIsStoppedBetweenTwoInvocationsThenTheNextOneEndsItStoppedWithWhatWasImported()
      throws Exception {
    String pool = pool();
    List<String> header = header(pool);
    StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
    for (int i = 0; i < 12; i++) {
      csv.append(row(header, "s" + i, "true")).append('\n');
    }
    JsonNode job = createJob(pool);
    String jobId = job.get("JobId").asText();
    put(job.get("PreSignedUrl").asText(), csv.toString());
    call("StartUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200);
    // The first invocation runs out of time after 5 rows and queues its continuation.
    handler.handleRequest(
        EVENTS.readValue(queued.poll(), APIGatewayProxyRequestEvent.class), new RunningOut(5));
    JsonNode paused =
        call("DescribeUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200)
            .get("UserImportJob");
    assertEquals("InProgress", paused.get("Status").asText());
    assertEquals(5, paused.get("ImportedUsers").asLong(), paused.toString());
    call("StopUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200);
    deliverQueuedEvents(1000);
    JsonNode stopped =
        call("DescribeUserImportJob", Map.of("UserPoolId", pool, "JobId", jobId), 200)
            .get("UserImportJob");
    assertEquals("Stopped", stopped.get("Status").asText());
    assertEquals(5, stopped.get("ImportedUsers").asLong(), stopped.toString());
    assertEquals(
        "Stopped. Imported 5, skipped 0, failed 0.", stopped.get("CompletionMessage").asText());
    assertEquals(5, call("ListUsers", Map.of("UserPoolId", pool), 200).get("Users").size());
  }

  /**
   * moto accepts a presigned URL without checking its signature, so the signature is checked here
   * against botocore's presigner (AWS's Python SDK, installed with moto): for the same key, time
   * and expiry it must sign the PUT with the SSE-KMS header exactly as ours does.
   */
  @Test
  void whenBotocorePresignsTheSamePutThenItsSignatureIsOurs() throws Exception {
    String url = createJob(pool()).get("PreSignedUrl").asText();
    Process python =
        new ProcessBuilder(
                "python3",
                "-c",
                BOTOCORE_PRESIGN,
                url,
                "testing",
                "testing",
                AppConfig.DEFAULT_REGION)
            .redirectErrorStream(true)
            .start();
    String botocore = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, python.waitFor(), botocore);
    assertEquals(signature(botocore.strip()), signature(url), botocore);
  }

  private static String signature(String url) {
    return url.replaceAll(".*[?&]X-Amz-Signature=([0-9a-f]{64}).*", "$1");
  }

  private static final String BOTOCORE_PRESIGN =
      String.join(
          "\n",
          "import sys, datetime",
          "from urllib.parse import urlsplit, parse_qs",
          "import botocore.auth as auth",
          "from botocore.awsrequest import AWSRequest",
          "from botocore.credentials import Credentials",
          "url, key, secret, region = sys.argv[1:5]",
          "parts = urlsplit(url)",
          "query = parse_qs(parts.query)",
          "signed_at = datetime.datetime.strptime(query['X-Amz-Date'][0], '%Y%m%dT%H%M%SZ')",
          "auth.get_current_datetime = lambda *a, **k: signed_at",
          "request = AWSRequest(method='PUT', url=f'{parts.scheme}://{parts.netloc}{parts.path}',",
          "    headers={'x-amz-server-side-encryption': 'aws:kms'})",
          "auth.S3SigV4QueryAuth(Credentials(key, secret), 's3', region,",
          "    expires=int(query['X-Amz-Expires'][0])).add_auth(request)",
          "print(request.url)");

  /**
   * Delivers queued import events to the handler, each twice, until none is left; the Context's
   * time runs out after {@code rowsPerInvocation} rows. Returns the number of invocations.
   */
  private static int deliverQueuedEvents(int rowsPerInvocation) throws Exception {
    int runs = 0;
    String payload;
    while ((payload = queued.poll()) != null) {
      APIGatewayProxyRequestEvent event =
          EVENTS.readValue(payload, APIGatewayProxyRequestEvent.class);
      for (int delivery = 0; delivery < 2; delivery++) {
        APIGatewayProxyResponseEvent answer =
            handler.handleRequest(event, new RunningOut(rowsPerInvocation));
        assertEquals(202, answer.getStatusCode());
        runs++;
      }
      assertTrue(runs < 200, "the job does not end");
    }
    return runs;
  }

  private static int invocationCount() {
    synchronized (invocations) {
      return invocations.size();
    }
  }

  private static String lastInvocation() {
    synchronized (invocations) {
      return invocations.get(invocations.size() - 1);
    }
  }

  private static String pool() {
    return call(
            "CreateUserPool",
            Map.of("PoolName", "imports", "AutoVerifiedAttributes", List.of("email")),
            200)
        .at("/UserPool/Id")
        .asText();
  }

  private static JsonNode createJob(String pool) {
    return call(
            "CreateUserImportJob",
            Map.of(
                "UserPoolId",
                pool,
                "JobName",
                "aws",
                "CloudWatchLogsRoleArn",
                "arn:aws:iam::123456789012:role/logs"),
            200)
        .get("UserImportJob");
  }

  private static List<String> header(String pool) {
    List<String> header = new ArrayList<>();
    call("GetCSVHeader", Map.of("UserPoolId", pool), 200)
        .get("CSVHeader")
        .forEach(c -> header.add(c.asText()));
    return header;
  }

  private static String row(List<String> header, String username, String emailVerified) {
    return header.stream()
        .map(
            column ->
                switch (column) {
                  case "cognito:username" -> username;
                  case "email" -> username + "@example.com";
                  case "email_verified" -> emailVerified;
                  case "cognito:mfa_enabled", "phone_number_verified" -> "false";
                  default -> "";
                })
        .collect(Collectors.joining(","));
  }

  private static HttpResponse<String> put(String presignedUrl, String csv) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(presignedUrl))
            .header("x-amz-server-side-encryption", "aws:kms")
            .PUT(HttpRequest.BodyPublishers.ofString(csv))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int get(String path) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(MotoServer.endpoint() + "/" + path)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static JsonNode call(String operation, Object body, int status) {
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(
            ApiGatewayHandlerTest.event(operation, Json.write(body), false), null);
    assertEquals(status, response.getStatusCode(), operation + ": " + response.getBody());
    return Json.read(response.getBody());
  }

  /** An invocation whose remaining time drops below the handler's reserve after some rows. */
  private static final class RunningOut implements Context {
    private final int calls;
    private final AtomicInteger asked = new AtomicInteger();

    RunningOut(int calls) {
      this.calls = calls;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return asked.incrementAndGet() < calls ? 25_000 : 1_000;
    }

    @Override
    public String getAwsRequestId() {
      return "import-test";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + FUNCTION;
    }

    @Override
    public String getLogStreamName() {
      return "test";
    }

    @Override
    public String getFunctionName() {
      return FUNCTION;
    }

    @Override
    public String getFunctionVersion() {
      return VERSION;
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION + ":" + VERSION;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return null;
    }
  }
}
