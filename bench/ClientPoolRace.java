import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * Shows the JDK HttpClient's own HTTP/1.1 connection-pool race (JDK-8336655, JDK-8338569, JDK-8357639): a
 * plain blocking-socket HTTP/1.1 server (no Netty, one thread per connection) that answers at once, and 16 client
 * threads sending POSTs through one HttpClient. Now and then a reused connection's answer reaches the pool's
 * cleanup subscriber instead of the exchange, and the client closes the connection itself: "HTTP/1.1 header parser
 * received no bytes" caused by "connection closed locally" (JDK 25 adds "Data received while in pool"). The faster
 * the server answers, the likelier. Run: java bench/ClientPoolRace.java 30 (seconds).
 */
public final class ClientPoolRace {
  public static void main(String[] a) throws Exception {
    int seconds = Integer.parseInt(a.length > 0 ? a[0] : "20");
    ServerSocket ss = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    AtomicInteger accepted = new AtomicInteger();
    Thread acceptor = new Thread(() -> {
      while (true) {
        try {
          Socket s = ss.accept();
          s.setTcpNoDelay(true);
          accepted.incrementAndGet();
          new Thread(() -> serve(s)).start();
        } catch (IOException e) { return; }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + ss.getLocalPort() + "/");
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong ok = new AtomicLong(), errors = new AtomicLong();
    AtomicReference<Throwable> first = new AtomicReference<>();
    Thread[] ts = new Thread[16];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = new Thread(() -> {
        while (running.get()) {
          try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("{\"UserPoolId\":\"x\",\"Username\":\"y\"}"))
                .header("Content-Type", "application/x-amz-json-1.1").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) ok.incrementAndGet(); else errors.incrementAndGet();
          } catch (Exception e) { errors.incrementAndGet(); first.compareAndSet(null, e); }
        }
      });
      ts[i].start();
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    for (Thread t : ts) t.join();
    System.out.println("java " + System.getProperty("java.version") + " ok=" + ok + " errors=" + errors
        + " connections=" + accepted);
    Throwable t = first.get();
    while (t != null) { System.out.println("  " + t); for (Throwable s : t.getSuppressed()) System.out.println("   suppressed " + s); t = t.getCause(); }
    System.exit(0);
  }

  static void serve(Socket s) {
    byte[] body = "{\"Username\":\"y\",\"UserAttributes\":[]}".getBytes(StandardCharsets.US_ASCII);
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] answer = new byte[head.length + body.length];
    System.arraycopy(head, 0, answer, 0, head.length);
    System.arraycopy(body, 0, answer, head.length, body.length);
    try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      while (true) {
        int length = 0;
        StringBuilder line = new StringBuilder();
        boolean any = false;
        while (true) { // headers, line by line
          int c = in.read();
          if (c < 0) return;
          any = true;
          if (c == '\n') {
            String l = line.toString().trim();
            if (l.isEmpty()) break;
            if (l.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(l.substring(15).trim());
            line.setLength(0);
          } else line.append((char) c);
        }
        in.readNBytes(length);
        out.write(answer);
        out.flush();
      }
    } catch (IOException e) { }
  }
}
