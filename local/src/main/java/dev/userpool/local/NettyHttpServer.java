package dev.userpool.local;

import dev.userpool.protocol.ApiResponse;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.Errors;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server that knows only HTTP: one thread accepts connections, and {@link #LOOPS} event
 * loops read and write them, a new connection going to the least busy loop ({@link
 * ConnectionLoops}). A request the handler {@linkplain Handler#answersAtOnce answers at once} is
 * handled and answered on its connection's loop (see {@link HttpConnection}); every other request,
 * and one whose body streams (larger than {@link HttpConnection#STREAM_AFTER}), is handled on
 * {@code executor}, so that a handler that waits holds up only its own connection. It answers as
 * the JDK's {@code com.sun.net.httpserver} did, which the local server used before (header names,
 * {@code Date}, {@code Content-length}, keep-alive rules).
 */
final class NettyHttpServer implements AutoCloseable {
  static {
    // Read by Netty's classes as they load, so set before the first one: the server's channels
    // use ALLOCATOR, but Netty's own default allocator (ByteBufUtil, ByteBufAllocator.DEFAULT)
    // would otherwise build the adaptive pooling allocator, its classes and chunks, for nothing;
    // leak detection would wrap a sample of buffers in trackers. A user's -D setting wins.
    keepOrSet("io.netty.allocator.type", "unpooled");
    keepOrSet("io.netty.leakDetection.level", "disabled");
    // Netty would log through SLF4J, which the AWS SDK brings without a binding (a warning on
    // every start); the JDK logger is what the rest of the server uses.
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
  }

  private static void keepOrSet(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /**
   * Event loops for connections, one per processor: a loop serves many connections, and under load
   * one wake-up of its thread reads several of them (a thread per connection paid a wake-up per
   * request, most of the CPU of a small request; docs/measurements.md). A loop's thread starts with
   * its first connection, so an idle server has none.
   */
  static final int LOOPS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 64 * 1024;

  /**
   * Heap buffers, unpooled: the memory they take is bounded by the heap limit (-Xmx of {@link
   * BoundedHeapLauncher}); the pooled direct allocator keeps arenas of 4 MiB chunks outside it, and
   * measured no cheaper per request here (docs/measurements.md).
   */
  private static final ByteBufAllocator ALLOCATOR = new UnpooledByteBufAllocator(false);

  /** What the server asks of the application: an answer to one request; may block. */
  interface Handler {
    /**
     * Answers {@code request}; the answer's headers go out as given (named first letter upper case,
     * the rest lower case), except {@code Content-Length} and {@code Date}, which the server sets,
     * as it does {@code Connection} and {@code Keep-Alive} when it closes or keeps the connection
     * by the client's asking. Names that differ only in case are not merged. A thrown exception, or
     * a header the answer cannot carry (a name that is not a token, a value with a line break or
     * other control character), closes the connection unanswered.
     */
    ApiResponse handle(Request request) throws IOException;

    /**
     * Whether {@link #handle} answers {@code request} from this process's memory or local disk,
     * waiting on nothing else (no network call, no other process, no long computation): such a
     * request is handled on its connection's event loop, with no hand-off; every other one on a
     * worker thread, so that its wait holds up no other connection. Called on the event loop with
     * the request's line and headers (its body is not to be read here).
     */
    default boolean answersAtOnce(Request request) {
      return false;
    }
  }

  /**
   * One request: {@code headers} are named as the JDK server named them (first letter upper case,
   * the rest lower case), values in arrival order; {@code body} streams as it arrives.
   */
  record Request(
      String method,
      URI uri,
      Map<String, List<String>> headers,
      InputStream body,
      InetSocketAddress remote) {

    /** The first value of header {@code name}, or null. */
    String header(String name) {
      List<String> values = headers.get(HttpConnection.headerName(name));
      return values == null ? null : values.get(0);
    }
  }

  private final EventLoopGroup accepting;
  private final EventLoopGroup loop;
  private final Channel listening;
  private final ExecutorService executor;

  private NettyHttpServer(
      EventLoopGroup accepting, EventLoopGroup loop, Channel listening, ExecutorService executor) {
    this.accepting = accepting;
    this.loop = loop;
    this.listening = listening;
    this.executor = executor;
  }

  /**
   * Binds {@code address}, accepting connections from {@link #start()} on; requests go to {@code
   * handler} on their connection's loop, or, when their body streams, on {@code executor}, which
   * the server shuts down on {@link #close()}.
   *
   * @throws IOException as the socket's bind threw it (e.g. {@link java.net.BindException})
   */
  static NettyHttpServer listen(
      InetSocketAddress address, int backlog, Handler handler, ExecutorService executor)
      throws IOException {
    EventLoopGroup accepting =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("userpool-accept"), ioHandlers());
    ConnectionLoops loops = new ConnectionLoops();
    EventLoopGroup loop =
        new MultiThreadIoEventLoopGroup(
            LOOPS,
            new ThreadPerTaskExecutor(new DefaultThreadFactory("userpool-http")),
            loops,
            ioHandlers());
    ChannelFuture bound =
        new ServerBootstrap()
            .group(accepting, loop)
            .channel(serverChannel())
            .option(ChannelOption.SO_BACKLOG, backlog)
            .option(ChannelOption.AUTO_READ, false) // connections wait in the backlog until start()
            .option(ChannelOption.ALLOCATOR, ALLOCATOR)
            .childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel.closeFuture().addListener(closed -> loops.closed(channel.eventLoop()));
                    // A decoder only: HttpConnection writes its answers as bytes (AnswerBytes).
                    // Netty's HttpServerCodec would not do: its encoder refuses bytes outside a
                    // response it started, and its decoder queues every request's method for
                    // that encoder to take, a queue nothing would empty.
                    channel
                        .pipeline()
                        .addLast(new HttpRequestDecoder(MAX_LINE, MAX_HEADERS, 8192))
                        .addLast(new HttpConnection(handler, executor));
                  }
                })
            .bind(address)
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      accepting.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      executor.shutdownNow();
      throw bindFailure(bound.cause());
    }
    return new NettyHttpServer(accepting, loop, bound.channel(), executor);
  }

  /**
   * Linux's epoll through Netty's native transport where it loads (the kernel's readiness events
   * used directly: no selector's key sets, fewer system calls per request), Java's NIO elsewhere.
   */
  private static IoHandlerFactory ioHandlers() {
    return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  private static Class<? extends ServerChannel> serverChannel() {
    return Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /**
   * Why the bind failed, as the JDK words it: the native transport reports {@code bind(..) failed
   * with error(-98): Address already in use} as a plain {@link IOException}; callers tell a taken
   * port from a wrong address by {@link BindException} and its message.
   */
  private static IOException bindFailure(Throwable why) {
    String message = why.getMessage();
    if (why instanceof Errors.NativeIoException && message != null && message.startsWith("bind(")) {
      BindException bind = new BindException(message.substring(message.indexOf("): ") + 3));
      bind.initCause(why);
      return bind;
    }
    return why instanceof IOException io ? io : new IOException(message, why);
  }

  /** Starts accepting connections (until then they wait in the backlog). */
  void start() {
    listening.config().setAutoRead(true);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listening.localAddress();
  }

  /** Releases the port at once, then drops open connections and stops the handler threads. */
  @Override
  public void close() {
    listening.close().awaitUninterruptibly();
    accepting.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    executor.shutdownNow();
  }
}
