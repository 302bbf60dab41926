import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load driver for the Cognito JSON protocol, with no dependencies: {@code java bench/LoadDriver.java ...}.
 * Sets up a pool, an app client and users, then runs one workload from N threads for a number of seconds and
 * prints one line: requests per second, client-side p50/p99, and — given the server's pid on this machine — the
 * server's CPU time per request (utime+stime from /proc/PID/stat) and its resident memory (VmRSS).
 *
 * <pre>
 * java bench/LoadDriver.java --endpoint http://localhost:9229 --workload admin-get --connections 16 --seconds 20 \
 *     --users 1000 --pid 12345 [--label userpool] [--client raw|jdk]
 * </pre>
 *
 * Workloads: admin-get (AdminGetUser of random users), getuser (GetUser with the access tokens of 16 users),
 * list (ListUsers Limit 60), verify-code (GetUserAttributeVerificationCode; start the server with
 * --codes-per-hour 0), auth (InitiateAuth USER_PASSWORD_AUTH), signup (SignUp of new users). Requests are
 * unsigned, as against a local server without --admin-key. Any answer other than 200 counts as an error.
 *
 * <p>The measured requests go out on one plain keep-alive HTTP/1.1 socket per thread ({@code --client raw}, the
 * default): on a 2-core machine the driver shares the cores with the server, and the JDK's HttpClient spent more
 * CPU per request than the server did, so it set the pace. {@code --client jdk} sends them through the JDK's
 * HttpClient, as the set-up always does.
 */
public final class LoadDriver {
  private static final String PASSWORD = "Bench-Passw0rd!";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    String endpoint = option(args, "--endpoint", "http://localhost:9229");
    String workload = option(args, "--workload", "admin-get");
    int connections = Integer.parseInt(option(args, "--connections", "16"));
    int seconds = Integer.parseInt(option(args, "--seconds", "20"));
    int users = Integer.parseInt(option(args, "--users", "100"));
    long pid = Long.parseLong(option(args, "--pid", "0"));
    String label = option(args, "--label", endpoint);

    Setup setup = Setup.create(endpoint, users, workload.equals("getuser") || workload.equals("verify-code"));
    AtomicInteger counter = new AtomicInteger();
    Request request = switch (workload) {
      case "admin-get" -> () -> call(endpoint, "AdminGetUser", "{\"UserPoolId\":\"" + setup.poolId
          + "\",\"Username\":\"" + setup.username(ThreadLocalRandom.current().nextInt(users)) + "\"}");
      case "getuser" -> () -> call(endpoint, "GetUser", "{\"AccessToken\":\""
          + setup.tokens.get(ThreadLocalRandom.current().nextInt(setup.tokens.size())) + "\"}");
      case "list" -> () -> call(endpoint, "ListUsers", "{\"UserPoolId\":\"" + setup.poolId + "\",\"Limit\":60}");
      case "verify-code" -> () -> call(endpoint, "GetUserAttributeVerificationCode", "{\"AccessToken\":\""
          + setup.tokens.get(ThreadLocalRandom.current().nextInt(setup.tokens.size()))
          + "\",\"AttributeName\":\"email\"}");
      case "auth" -> () -> call(endpoint, "InitiateAuth", "{\"ClientId\":\"" + setup.clientId
          + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\""
          + setup.username(ThreadLocalRandom.current().nextInt(users)) + "\",\"PASSWORD\":\"" + PASSWORD + "\"}}");
      case "signup" -> () -> {
        int n = counter.incrementAndGet();
        return call(endpoint, "SignUp", "{\"ClientId\":\"" + setup.clientId + "\",\"Username\":\"signup-"
            + System.nanoTime() + "-" + n + "@example.com\",\"Password\":\"" + PASSWORD
            + "\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"s" + n + "@example.com\"}]}");
      };
      default -> throw new IllegalArgumentException("unknown workload " + workload);
    };
    rawClient = option(args, "--client", "raw").equals("raw");
    int warmup = Integer.parseInt(option(args, "--warmup", "5"));
    run(request, connections, warmup); // the JIT compiles the hot path; not measured
    ERRORS.clear(); // the measured run reports its own

    long[] cpuBefore = cpuTicks(pid);
    long started = System.nanoTime();
    Result result = run(request, connections, seconds);
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] cpuAfter = cpuTicks(pid);
    long[] all = result.latencies;
    int total = all.length;
    double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
    double p99 = all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6;
    String cpu = "-";
    String rss = "-";
    if (pid > 0) {
      double cpuMs = (cpuAfter[0] + cpuAfter[1] - cpuBefore[0] - cpuBefore[1]) * 1000.0 / 100; // USER_HZ = 100
      cpu = String.format("%.3f", cpuMs / Math.max(1, total));
      rss = rssMb(pid) + "";
    }
    System.out.printf("%-10s %-12s conns=%d requests=%d errors=%d req/s=%.0f p50=%.2fms p99=%.2fms"
        + " server-cpu-ms/req=%s rss-mb=%s%n", label, workload, connections, total, result.errors, total / elapsed,
        p50, p99, cpu, rss);
    if (!ERRORS.isEmpty()) {
      System.out.println("  errors by cause: " + ERRORS);
    }
  }

  /** Why requests failed (status and the start of the answer, or the exception), with counts. */
  static final Map<String, LongAdder> ERRORS = new ConcurrentHashMap<>();

  static void noteError(String cause) {
    ERRORS.computeIfAbsent(cause.length() > 160 ? cause.substring(0, 160) : cause, c -> new LongAdder())
        .increment();
  }

  record Result(long[] latencies, long errors) {}

  /** Runs {@code request} from {@code connections} threads for {@code seconds}; sorted latencies in ns. */
  static Result run(Request request, int connections, int seconds) throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(connections);
    for (int t = 0; t < connections; t++) {
      long[] mine = new long[1_000_000];
      latencies.add(mine);
      int[] count = {0};
      Thread thread = new Thread(() -> {
        try {
          while (running.get()) {
            long t0 = System.nanoTime();
            int status;
            try {
              status = request.send();
            } catch (IOException e) { // counted, and this connection goes on
              noteError(e.toString());
              status = -1;
            }
            if (count[0] < mine.length - 1) {
              mine[++count[0]] = System.nanoTime() - t0;
            }
            if (status != 200) {
              errors.incrementAndGet();
            }
          }
        } catch (Exception e) {
          noteError(e.toString());
          errors.incrementAndGet();
        } finally {
          RawConnection connection = RAW.get();
          if (connection != null) {
            connection.close();
          }
          mine[0] = count[0];
          done.countDown();
        }
      });
      thread.setDaemon(true);
      thread.start();
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    done.await();

    int total = 0;
    for (long[] l : latencies) {
      total += (int) l[0];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] l : latencies) {
      System.arraycopy(l, 1, all, at, (int) l[0]);
      at += (int) l[0];
    }
    Arrays.sort(all);
    return new Result(all, errors.get());
  }

  @FunctionalInterface
  interface Request {
    int send() throws Exception;
  }

  /** The pool, client and users a workload runs against. */
  static final class Setup {
    String poolId;
    String clientId;
    final List<String> tokens = new ArrayList<>();

    /** Email-shaped, because cognito-local 5.3.0 refuses other usernames in this pool. */
    String username(int i) {
      return "user" + i + "@example.com";
    }

    static Setup create(String endpoint, int users, boolean signIn) throws Exception {
      Setup s = new Setup();
      s.poolId = field(post(endpoint, "CreateUserPool", "{\"PoolName\":\"bench\",\"AutoVerifiedAttributes\":"
          + "[\"email\"]}"), "Id");
      s.clientId = field(post(endpoint, "CreateUserPoolClient", "{\"UserPoolId\":\"" + s.poolId
          + "\",\"ClientName\":\"bench\",\"ExplicitAuthFlows\":[\"ALLOW_USER_PASSWORD_AUTH\","
          + "\"ALLOW_REFRESH_TOKEN_AUTH\"]}"), "ClientId");
      for (int i = 0; i < users; i++) {
        post(endpoint, "AdminCreateUser", "{\"UserPoolId\":\"" + s.poolId + "\",\"Username\":\"" + s.username(i)
            + "\",\"MessageAction\":\"SUPPRESS\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"user" + i
            + "@example.com\"},{\"Name\":\"email_verified\",\"Value\":\"true\"}]}");
        post(endpoint, "AdminSetUserPassword", "{\"UserPoolId\":\"" + s.poolId + "\",\"Username\":\""
            + s.username(i) + "\",\"Password\":\"" + PASSWORD + "\",\"Permanent\":true}");
      }
      if (signIn) {
        for (int i = 0; i < Math.min(16, users); i++) {
          s.tokens.add(field(post(endpoint, "InitiateAuth", "{\"ClientId\":\"" + s.clientId
              + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"" + s.username(i)
              + "\",\"PASSWORD\":\"" + PASSWORD + "\"}}"), "AccessToken"));
        }
      }
      return s;
    }
  }

  /** Whether {@link #call} uses {@link RawConnection}s (set from --client before the runs). */
  static volatile boolean rawClient = true;

  private static final ThreadLocal<RawConnection> RAW = new ThreadLocal<>();

  static int call(String endpoint, String operation, String body) throws IOException, InterruptedException {
    if (rawClient) {
      RawConnection connection = RAW.get();
      if (connection == null) {
        connection = new RawConnection(URI.create(endpoint));
        RAW.set(connection);
      }
      try {
        return connection.call(operation, body);
      } catch (IOException e) {
        RAW.remove(); // the next request opens a new connection
        connection.close();
        throw e;
      }
    }
    HttpResponse<String> r = HTTP.send(request(endpoint, operation, body), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      noteError(r.statusCode() + " " + r.body());
    }
    return r.statusCode();
  }

  /** One keep-alive HTTP/1.1 connection: a request, then its whole answer (Content-Length or chunked). */
  static final class RawConnection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    RawConnection(URI endpoint) throws IOException {
      int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
      socket = new Socket(endpoint.getHost(), port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16384);
      host = endpoint.getHost() + ":" + port;
    }

    int call(String operation, String body) throws IOException {
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      byte[] head = ("POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
          + "X-Amz-Target: AWSCognitoIdentityProviderService." + operation + "\r\nContent-Length: "
          + content.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      byte[] request = Arrays.copyOf(head, head.length + content.length);
      System.arraycopy(content, 0, request, head.length, content.length);
      out.write(request);
      out.flush();
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = -1;
      boolean chunked = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim();
        String value = header.substring(header.indexOf(':') + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Integer.parseInt(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
          chunked = true;
        }
      }
      byte[] answer = chunked ? chunkedBody() : in.readNBytes(Math.max(0, length));
      if (length > 0 && answer.length < length) {
        throw new EOFException("the connection closed inside an answer");
      }
      if (status != 200) {
        noteError(status + " " + new String(answer, StandardCharsets.UTF_8));
      }
      return status;
    }

    private byte[] chunkedBody() throws IOException {
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      while (!line().isEmpty()) { } // trailers
      return body.toByteArray();
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("the connection closed before an answer");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a broken connection
      }
    }
  }

  static String post(String endpoint, String operation, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(request(endpoint, operation, body), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(operation + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static HttpRequest request(String endpoint, String operation, String body) {
    return HttpRequest.newBuilder(URI.create(endpoint + "/"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  /** utime and stime of the process, in clock ticks. */
  private static long[] cpuTicks(long pid) throws IOException {
    if (pid <= 0) {
      return new long[2];
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
  }

  private static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
