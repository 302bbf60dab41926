package dev.userpool.local;

import dev.userpool.protocol.ApiResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One client connection of {@link NettyHttpServer}, on its event loop: once a request's body is
 * complete, a request the handler {@linkplain NettyHttpServer.Handler#answersAtOnce answers at
 * once} is handled right there and answered in one write, with no hand-off; any other goes to the
 * executor and its answer comes back to the loop to be written. A large body (more than {@link
 * #STREAM_AFTER} bytes not yet complete) streams through {@link StreamedBody} to the handler on the
 * executor while the loop goes on reading it. Requests are answered one at a time, in order:
 * requests a client sends before the previous answer (pipelining) wait, with reading paused.
 * Answers go out as bytes ({@link AnswerBytes}), headed as the JDK server headed them.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(HttpConnection.class.getName());
  static final int STREAM_AFTER = 64 * 1024;

  /** Room for the headers the server adds: Date, Content-length, Connection and Keep-alive. */
  private static final int SERVER_HEADERS_ROOM = 128;

  /** How the JDK server wrote {@code Date}; computed once a second. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
          .withZone(ZoneId.of("GMT"));

  private static volatile DateText date = new DateText(0, "");

  private record DateText(long second, String text) {}

  private final NettyHttpServer.Handler handler;
  private final Executor executor;
  private final ArrayDeque<Object> waiting = new ArrayDeque<>();
  private ChannelHandlerContext context;
  private InetSocketAddress remote;
  private Exchange current;

  /** The request being answered. */
  private static final class Exchange {
    final HttpRequest request;
    final StreamedBody body;
    URI uri;
    boolean dispatched;
    boolean bodyEnded;
    boolean answered;

    Exchange(HttpRequest request, StreamedBody body) {
      this.request = request;
      this.body = body;
    }
  }

  HttpConnection(NettyHttpServer.Handler handler, Executor executor) {
    this.handler = handler;
    this.executor = executor;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    context = ctx;
    remote = (InetSocketAddress) ctx.channel().remoteAddress();
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (!waiting.isEmpty()
        || (current != null && current.bodyEnded && message instanceof HttpRequest)) {
      waiting.add(message); // a pipelined request: answered after the current one
    } else {
      accept(message);
    }
    updateReading();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current != null) {
      current.body.fail(new IOException("the client closed the connection before the body ended"));
    }
    waiting.forEach(ReferenceCountUtil::release);
    waiting.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (current != null) {
      current.body.fail(new IOException("the connection failed: " + cause.getMessage(), cause));
    }
    ctx.close();
  }

  private void accept(Object message) {
    try {
      if (message instanceof HttpRequest request) {
        begin(request);
      }
      if (message instanceof HttpContent content && current != null && !current.bodyEnded) {
        if (content.decoderResult().isFailure()) { // e.g. a malformed chunk: the body is broken
          current.body.fail(
              new IOException("malformed request body", content.decoderResult().cause()));
          context.close();
          return;
        }
        Exchange exchange = current;
        exchange.body.offer(ByteBufUtil.getBytes(content.content()));
        if (content instanceof LastHttpContent) {
          exchange.bodyEnded = true;
          exchange.body.end();
        }
        if (!exchange.dispatched && exchange.bodyEnded) {
          NettyHttpServer.Request complete = request(exchange);
          if (handler.answersAtOnce(complete)) {
            handleHere(exchange, complete); // answers, and goes on with the waiting requests
          } else {
            dispatch(exchange, complete);
          }
        } else if (!exchange.dispatched && exchange.body.waiting() >= STREAM_AFTER) {
          dispatch(exchange, request(exchange));
        } else if (exchange.bodyEnded && exchange.answered) {
          finished();
        }
      }
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  private void begin(HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      refuse(request);
      return;
    }
    URI uri;
    try {
      uri = new URI(request.uri());
    } catch (URISyntaxException e) {
      refuse(request);
      return;
    }
    if (HttpUtil.is100ContinueExpected(request)) { // as the JDK server: before the handler runs
      context.writeAndFlush(new AnswerBytes(context.alloc(), 100, null, false, 0).end());
    }
    current = new Exchange(request, new StreamedBody(() -> onLoop(this::updateReading)));
    current.uri = uri;
  }

  /**
   * A request line or headers the server cannot read: answered as the JDK server did, then closed.
   */
  private void refuse(HttpRequest request) {
    byte[] body = "<h1>400 Bad Request</h1>Bad request line".getBytes(StandardCharsets.ISO_8859_1);
    ByteBuf answer =
        new AnswerBytes(context.alloc(), 400, body, isHead(request), SERVER_HEADERS_ROOM)
            .header("Date", now())
            .header("Content-type", "text/html")
            .header("Connection", "close")
            .contentLength()
            .end();
    context.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
  }

  /** Event loop: handles a request whose body is complete, then answers it. */
  private void handleHere(Exchange exchange, NettyHttpServer.Request request) {
    exchange.dispatched = true;
    ApiResponse answer;
    try {
      answer = handler.handle(request);
    } catch (Exception | Error e) {
      failed(e);
      return;
    }
    answer(exchange, answer);
  }

  /**
   * Event loop: hands a request to the executor; when its body streams, the loop reads the body on.
   */
  private void dispatch(Exchange exchange, NettyHttpServer.Request request) {
    exchange.dispatched = true;
    try {
      executor.execute(
          () -> {
            ApiResponse answer;
            try {
              answer = handler.handle(request);
            } catch (Exception | Error e) {
              onLoop(() -> failed(e));
              return;
            }
            onLoop(() -> answer(exchange, answer));
          });
    } catch (RejectedExecutionException stopping) {
      context.close();
    }
  }

  private NettyHttpServer.Request request(Exchange exchange) {
    return new NettyHttpServer.Request(
        exchange.request.method().name(),
        exchange.uri,
        headers(exchange.request),
        exchange.body,
        remote);
  }

  /** Event loop: the handler threw; the connection closes unanswered. */
  private void failed(Throwable e) {
    if (!(e instanceof IOException)) {
      LOG.log(System.Logger.Level.WARNING, "the handler failed", e);
    }
    context.close();
  }

  /**
   * Runs {@code task} on the event loop, unless the server has stopped (then the connection is
   * gone).
   */
  private void onLoop(Runnable task) {
    try {
      context.executor().execute(task);
    } catch (RejectedExecutionException stopped) {
      // close() shut the loop down and with it every connection
    }
  }

  /** Event loop: writes the handler's answer, then goes on with the next request, if any. */
  private void answer(Exchange exchange, ApiResponse answer) {
    HttpRequest request = exchange.request;
    // The JDK server's keep-alive rules: an HTTP/1.0 client keeps the connection only when it asks
    // to, an HTTP/1.1 client unless it asks to close.
    String asked = request.headers().get("Connection");
    boolean close;
    String connection; // the answer's Connection header, if any
    if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
      close = asked == null;
      connection = close ? "close" : asked.equalsIgnoreCase("keep-alive") ? "keep-alive" : null;
    } else {
      close = asked != null && asked.equalsIgnoreCase("close");
      connection = close ? "close" : null;
    }
    boolean keepAlive = "keep-alive".equals(connection);
    ByteBuf bytes;
    try {
      int headerRoom = SERVER_HEADERS_ROOM;
      for (Map.Entry<String, String> header : answer.headers().entrySet()) {
        headerRoom += header.getKey().length() + header.getValue().length() + 4;
      }
      AnswerBytes out =
          new AnswerBytes(
              context.alloc(), answer.status(), answer.body(), isHead(request), headerRoom);
      for (Map.Entry<String, String> header : answer.headers().entrySet()) {
        String name = header.getKey();
        // the server's own headers replace the handler's, as they did in Netty's header map
        if (!name.equalsIgnoreCase("Content-Length")
            && !name.equalsIgnoreCase("Date")
            && !(connection != null && name.equalsIgnoreCase("Connection"))
            && !(keepAlive && name.equalsIgnoreCase("Keep-Alive"))) {
          out.header(name, header.getValue());
        }
      }
      out.header("Date", now()).contentLength();
      if (connection != null) {
        out.header("Connection", connection);
      }
      if (keepAlive) {
        out.header("Keep-alive", "timeout=30");
      }
      bytes = out.end();
    } catch (RuntimeException unwritable) {
      // e.g. a header value with a line break, which would split the answer: as if the handler
      // had thrown (Netty's headers threw too, and the connection closed)
      failed(unwritable);
      return;
    }
    exchange.answered = true;
    exchange.body.abandon();
    if (close) {
      context.writeAndFlush(bytes).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    context.writeAndFlush(bytes);
    if (exchange.bodyEnded) {
      finished();
    }
    updateReading();
  }

  private static boolean isHead(HttpRequest request) {
    return request.method().name().equals("HEAD");
  }

  /** Event loop: the current request is answered and its body read; on to the waiting ones. */
  private void finished() {
    current = null;
    while (!waiting.isEmpty()) {
      if (current != null && current.bodyEnded && waiting.peek() instanceof HttpRequest) {
        return; // the next one waits for this one's answer
      }
      accept(waiting.poll());
    }
  }

  /** Reads while no pipelined request waits and the current body is not full. */
  private void updateReading() {
    if (!context.channel().isActive()) {
      return;
    }
    boolean read = waiting.isEmpty() && (current == null || !current.body.full());
    if (context.channel().config().isAutoRead() != read) {
      context.channel().config().setAutoRead(read);
    }
  }

  private static Map<String, List<String>> headers(HttpRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : request.headers()) {
      headers.computeIfAbsent(headerName(e.getKey()), k -> new ArrayList<>(1)).add(e.getValue());
    }
    return headers;
  }

  /** A header name as the JDK server wrote it: the first letter upper case, the rest lower case. */
  static String headerName(String name) {
    if (name.isEmpty()) {
      return name;
    }
    char[] c = name.toCharArray();
    c[0] = Character.toUpperCase(c[0]);
    for (int i = 1; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  private static String now() {
    long second = System.currentTimeMillis() / 1000;
    DateText d = date;
    if (d.second() != second) {
      d = new DateText(second, DATE.format(Instant.ofEpochSecond(second)));
      date = d;
    }
    return d.text();
  }
}
