package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;

/**
 * The HTTP layer on the wire (raw sockets, so that what goes over the connection is what is
 * checked): keep-alive, pipelining, HTTP/1.0, {@code Expect: 100-continue}, an oversized body, CORS
 * preflight, and a large CSV upload streamed to disk by a server whose heap is smaller than the
 * file.
 */
class HttpLayerIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private static final Pattern DATE =
      Pattern.compile("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
  private static final String LIST_POOLS = "{\"MaxResults\":5}";

  private Socket socket;

  @BeforeEach
  void connect() throws IOException {
    socket = new Socket("localhost", server.server().port());
    socket.setSoTimeout(30_000);
  }

  @AfterEach
  void disconnect() throws IOException {
    socket.close();
  }

  /** One answer as it came over the wire; {@code names} are the header names in order. */
  private record Answer(
      String statusLine, List<String> names, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static String post(String target, String body, String version, String... extra) {
    StringBuilder request =
        new StringBuilder("POST / " + version + "\r\nHost: localhost\r\n")
            .append("X-Amz-Target: AWSCognitoIdentityProviderService.")
            .append(target)
            .append("\r\nContent-Type: application/x-amz-json-1.1\r\n");
    for (String header : extra) {
      request.append(header).append("\r\n");
    }
    return request
        .append("Content-Length: ")
        .append(body.getBytes(StandardCharsets.UTF_8).length)
        .append("\r\n\r\n")
        .append(body)
        .toString();
  }

  private void send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  /** Reads one answer; names as sent (the JDK server's spelling, kept by the Netty layer). */
  private Answer read() throws IOException {
    InputStream in = socket.getInputStream();
    String statusLine = line(in);
    List<String> names = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      names.add(line.substring(0, colon));
      headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    String length = headers.get("Content-length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    return new Answer(statusLine, names, headers, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("connection closed; read so far: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static void assertCorsAndDate(Answer answer) {
    assertEquals("*", answer.headers().get("Access-control-allow-origin"));
    assertEquals(
        "POST, GET, PUT, DELETE, OPTIONS", answer.headers().get("Access-control-allow-methods"));
    assertEquals(LocalServer.CORS_EXPOSE, answer.headers().get("Access-control-expose-headers"));
    assertEquals("86400", answer.headers().get("Access-control-max-age"));
    assertTrue(DATE.matcher(answer.headers().get("Date")).matches(), answer.headers().toString());
  }

  @Test
  void whenTwoRequestsShareAConnectionThenBothAreAnsweredOnIt() throws Exception {
    send(post("ListUserPools", LIST_POOLS, "HTTP/1.1"));
    Answer first = read();
    send(post("DescribeUserPool", "{}", "HTTP/1.1"));
    Answer second = read();

    assertEquals("HTTP/1.1 200 OK", first.statusLine());
    assertEquals("{\"UserPools\":[]}", first.text());
    assertEquals("16", first.headers().get("Content-length"));
    assertEquals("application/x-amz-json-1.1", first.headers().get("Content-type"));
    assertTrue(first.headers().containsKey("X-amzn-requestid"));
    assertNull(first.headers().get("Connection"));
    assertCorsAndDate(first);
    assertEquals("HTTP/1.1 400 Bad Request", second.statusLine());
    assertEquals("InvalidParameterException:", second.headers().get("X-amzn-errortype"));
    assertTrue(second.text().startsWith("{\"__type\":\"InvalidParameterException\""));
  }

  @Test
  void whenAnAnswerIsReadOffTheWireThenItsStatusLineHeaderNamesAndLengthAreExact()
      throws Exception {
    send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    Answer answer = read();

    assertEquals("HTTP/1.1 200 OK", answer.statusLine());
    assertEquals(
        List.of(
            "Content-type",
            "Access-control-allow-origin",
            "Access-control-allow-methods",
            "Access-control-allow-headers",
            "Access-control-expose-headers",
            "Access-control-max-age",
            "Date",
            "Content-length"),
        answer.names());
    assertEquals("15", answer.headers().get("Content-length"));
    assertEquals("{\"status\":\"ok\"}", answer.text());
    send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertEquals("{\"status\":\"ok\"}", read().text()); // nothing stray after the body
  }

  @Test
  void whenTheRequestLineCannotBeReadThenTheAnswerIs400AndTheConnectionCloses() throws Exception {
    send("GET /%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    Answer answer = read();

    assertEquals("HTTP/1.1 400 Bad Request", answer.statusLine());
    assertEquals(List.of("Date", "Content-type", "Connection", "Content-length"), answer.names());
    assertEquals("close", answer.headers().get("Connection"));
    assertEquals("<h1>400 Bad Request</h1>Bad request line", answer.text());
    assertTrue(DATE.matcher(answer.headers().get("Date")).matches(), answer.headers().toString());
    assertEquals(-1, socket.getInputStream().read());
  }

  /** The I-th of many requests on one connection: GET, HEAD and POST in turn. */
  private static String many(int i) {
    return switch (i % 3) {
      case 0 -> "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";
      case 1 -> "HEAD /health HTTP/1.1\r\nHost: localhost\r\n\r\n";
      default -> post("ListUserPools", LIST_POOLS, "HTTP/1.1");
    };
  }

  private static void assertManyAnswer(int i, Answer answer) {
    switch (i % 3) {
      case 0 -> assertEquals("{\"status\":\"ok\"}", answer.text(), "answer " + i);
      case 1 -> {
        assertEquals("HTTP/1.1 404 Not Found", answer.statusLine(), "answer " + i);
        assertFalse(answer.headers().containsKey("Content-length"), "answer " + i);
      }
      default -> assertEquals("{\"UserPools\":[]}", answer.text(), "answer " + i);
    }
  }

  @Test
  void whenAThousandRequestsFollowEachOtherOnOneConnectionThenEachIsAnswered() throws Exception {
    for (int i = 0; i < 1000; i++) {
      send(many(i));
      assertManyAnswer(i, read());
    }
  }

  @Test
  void whenAThousandRequestsArePipelinedOnOneConnectionThenEachIsAnsweredInOrder()
      throws Exception {
    Thread writer =
        new Thread(
            () -> {
              try {
                OutputStream out = new BufferedOutputStream(socket.getOutputStream());
                for (int i = 0; i < 1000; i++) {
                  out.write(many(i).getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
              } catch (IOException ignored) {
                // the reads below report what the server did
              }
            });
    writer.start();
    for (int i = 0; i < 1000; i++) {
      assertManyAnswer(i, read());
    }
    writer.join(30_000);
    send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertEquals("{\"status\":\"ok\"}", read().text());
  }

  @Test
  void whenRequestsArePipelinedThenTheyAreAnsweredInOrder() throws Exception {
    send(
        post("DescribeUserPool", "{}", "HTTP/1.1")
            + post("ListUserPools", LIST_POOLS, "HTTP/1.1")
            + "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertEquals("HTTP/1.1 400 Bad Request", read().statusLine());
    assertEquals("{\"UserPools\":[]}", read().text());
    assertEquals("{\"status\":\"ok\"}", read().text());
  }

  @Test
  void whenPipelinedRequestsAlternateWorkerAndLoopThenTheyAreAnsweredInOrder() throws Exception {
    // CreateUserPool runs on a worker thread, ListUserPools and /health on the loop: the loop must
    // not answer the later requests before the worker's answer (nor read the pool list too early).
    send(
        post("CreateUserPool", "{\"PoolName\":\"pipelined\"}", "HTTP/1.1")
            + post("ListUserPools", "{\"MaxResults\":60}", "HTTP/1.1")
            + post("CreateUserPool", "{\"PoolName\":\"pipelined2\"}", "HTTP/1.1")
            + "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertTrue(read().text().contains("\"Name\":\"pipelined\""));
    String pools = read().text();
    assertTrue(pools.contains("\"Name\":\"pipelined\""), pools);
    assertFalse(pools.contains("pipelined2"), pools);
    assertTrue(read().text().contains("\"Name\":\"pipelined2\""));
    assertEquals("{\"status\":\"ok\"}", read().text());
  }

  @Test
  void whenHttp10RequestHasNoKeepAliveThenTheAnswerClosesTheConnection() throws Exception {
    send(post("ListUserPools", LIST_POOLS, "HTTP/1.0"));
    Answer answer = read();

    assertEquals("HTTP/1.1 200 OK", answer.statusLine());
    assertEquals("close", answer.headers().get("Connection"));
    assertEquals(-1, socket.getInputStream().read());
  }

  @Test
  void whenHttp10RequestAsksForKeepAliveThenTheConnectionStays() throws Exception {
    send(post("ListUserPools", LIST_POOLS, "HTTP/1.0", "Connection: keep-alive"));
    Answer first = read();
    send(post("ListUserPools", LIST_POOLS, "HTTP/1.0", "Connection: keep-alive"));
    Answer second = read();

    assertEquals("keep-alive", first.headers().get("Connection"));
    assertEquals("timeout=30", first.headers().get("Keep-alive"));
    assertEquals("{\"UserPools\":[]}", second.text());
  }

  @Test
  void whenClientExpectsContinueThenItIsToldToSendTheBodyBeforeTheAnswer() throws Exception {
    String request = post("ListUserPools", LIST_POOLS, "HTTP/1.1", "Expect: 100-continue");
    int bodyStart = request.indexOf("\r\n\r\n") + 4;
    send(request.substring(0, bodyStart));
    assertEquals("HTTP/1.1 100 Continue", line(socket.getInputStream()));
    assertEquals("", line(socket.getInputStream()));
    send(request.substring(bodyStart));
    Answer answer = read();

    assertEquals("HTTP/1.1 200 OK", answer.statusLine());
    assertEquals("{\"UserPools\":[]}", answer.text());
  }

  @Test
  void whenBodyIsOverTheLimitThenSerializationExceptionAndTheConnectionServesTheNextRequest()
      throws Exception {
    byte[] big = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    OutputStream out = new BufferedOutputStream(socket.getOutputStream());
    out.write(
        ("POST / HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: "
                + big.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    Thread writer =
        new Thread(
            () -> {
              try {
                out.write(big);
                out.flush();
              } catch (IOException ignored) {
                // the assertions below report what the server did
              }
            });
    writer.start();
    Answer answer = read();
    writer.join(30_000);

    assertEquals("HTTP/1.1 400 Bad Request", answer.statusLine());
    assertEquals("SerializationException:", answer.headers().get("X-amzn-errortype"));
    assertTrue(answer.text().contains("Request body exceeds 1048576 bytes"), answer.text());
    send(post("ListUserPools", LIST_POOLS, "HTTP/1.1"));
    assertEquals("{\"UserPools\":[]}", read().text());
  }

  @Test
  void whenBrowserSendsPreflightThenTheAnswerIsEmptyWithCorsHeaders() throws Exception {
    send(
        "OPTIONS / HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:3000\r\n"
            + "Access-Control-Request-Method: POST\r\n"
            + "Access-Control-Request-Headers: content-type,x-amz-target\r\n\r\n");
    Answer answer = read();

    assertEquals("HTTP/1.1 200 OK", answer.statusLine());
    assertEquals("0", answer.headers().get("Content-length"));
    assertEquals("content-type,x-amz-target", answer.headers().get("Access-control-allow-headers"));
    assertCorsAndDate(answer);
  }

  @Test
  void whenHeadIsAskedThenHeadersComeWithoutBodyOrLength() throws Exception {
    send("HEAD /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    Answer answer = read();
    send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertEquals("HTTP/1.1 404 Not Found", answer.statusLine());
    assertFalse(answer.headers().containsKey("Content-length"));
    assertEquals("HTTP/1.1 200 OK", read().statusLine()); // no stray body bytes in between
  }

  /**
   * The server runs as users start it (the launcher bounds its heap to 64 MiB), and the CSV is
   * larger than that heap: it arrives only if the body streams to disk.
   */
  @Test
  void whenCsvLargerThanTheHeapIsUploadedThenItStreamsToTheDataFolder(@TempDir Path data)
      throws Exception {
    try (LocalJar jar = LocalJar.start("--port", "0", "--data-dir", data.toString());
        CognitoIdentityProviderClient client =
            LocalServerExtension.clientFor(jar.endpoint(), Region.US_EAST_1)) {
      String poolId = client.createUserPool(r -> r.poolName("big")).userPool().id();
      UserImportJobType job =
          client
              .createUserImportJob(
                  r ->
                      r.userPoolId(poolId)
                          .jobName("big")
                          .cloudWatchLogsRoleArn("arn:aws:iam::123456789012:role/import"))
              .userImportJob();
      List<String> columns = client.getCSVHeader(r -> r.userPoolId(poolId)).csvHeader();
      Path csv = Files.createTempFile(data, "big", ".csv");
      try (Writer w = Files.newBufferedWriter(csv)) {
        w.write(String.join(",", columns) + "\n");
        String commas = ",".repeat(columns.size() - 1);
        for (int i = 0; Files.size(csv) < 90L * 1024 * 1024; i++) {
          for (int j = 0; j < 10_000; j++) {
            w.write("user" + i + "_" + j + commas + "\n");
          }
          w.flush();
        }
      }

      HttpResponse<String> put =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(job.preSignedUrl()))
                      .header("x-amz-server-side-encryption", "aws:kms")
                      .PUT(HttpRequest.BodyPublishers.ofFile(csv))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(200, put.statusCode(), put.body());
      Path stored = data.resolve("imports").resolve(poolId).resolve(job.jobId() + ".csv");
      assertEquals(Files.size(csv), Files.size(stored));
      assertEquals(-1, Files.mismatch(csv, stored));
    }
  }
}
