package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.protocol.ApiResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where {@link NettyHttpServer} runs a request: on its connection's event loop when the handler
 * answers it at once, on a worker thread otherwise; and a worker's wait holds up no other
 * connection, even with many more connections than loops.
 */
class EventLoopPlacementIT {
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger waiting = new AtomicInteger();
  private NettyHttpServer server;

  /** Answers with the name of the thread that handled the request; "/wait" waits for release. */
  private final NettyHttpServer.Handler handler =
      new NettyHttpServer.Handler() {
        @Override
        public ApiResponse handle(NettyHttpServer.Request request) throws IOException {
          request.body().readAllBytes();
          if (request.uri().getPath().equals("/wait")) {
            waiting.incrementAndGet();
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return ApiResponse.json(200, "\"" + Thread.currentThread().getName() + "\"", Map.of());
        }

        @Override
        public boolean answersAtOnce(NettyHttpServer.Request request) {
          return request.uri().getPath().equals("/at-once");
        }
      };

  @BeforeEach
  void listen() throws IOException {
    server =
        NettyHttpServer.listen(
            new InetSocketAddress("127.0.0.1", 0), 128, handler, Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void close() {
    release.countDown();
    server.close();
  }

  /** One request on a connection of its own (a new client each time). */
  private CompletableFuture<HttpResponse<String>> send(String path) {
    return HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void whenHandlerAnswersAtOnceThenTheLoopHandlesItElseAWorker() throws Exception {
    String loop = send("/at-once").get(30, TimeUnit.SECONDS).body();
    String worker = send("/other").get(30, TimeUnit.SECONDS).body();

    assertTrue(loop.startsWith("\"userpool-http"), loop);
    assertTrue(worker.startsWith("\"pool-"), worker); // the executor's default thread names
  }

  @Test
  void whenManyMoreRequestsWaitThanThereAreLoopsThenOtherConnectionsAreStillAnswered()
      throws Exception {
    int waiters = NettyHttpServer.LOOPS * 4;
    List<CompletableFuture<HttpResponse<String>>> waitingAnswers = new ArrayList<>();
    for (int i = 0; i < waiters; i++) {
      waitingAnswers.add(send("/wait"));
    }
    while (waiting.get() < waiters) { // every loop now has connections whose handler waits
      Thread.sleep(10);
    }

    // No time limits of their own: a server that made these wait would time out the test (30 s).
    for (int i = 0; i < 2 * NettyHttpServer.LOOPS; i++) {
      assertEquals(200, send("/at-once").get(30, TimeUnit.SECONDS).statusCode());
      assertEquals(200, send("/other").get(30, TimeUnit.SECONDS).statusCode());
    }
    assertTrue(waitingAnswers.stream().noneMatch(CompletableFuture::isDone));

    release.countDown();
    for (CompletableFuture<HttpResponse<String>> answer : waitingAnswers) {
      assertEquals(200, answer.get(30, TimeUnit.SECONDS).statusCode());
    }
  }
}
