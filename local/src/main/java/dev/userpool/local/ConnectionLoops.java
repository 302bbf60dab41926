package dev.userpool.local;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorChooserFactory;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Chooses the event loop of each new connection: the one serving the fewest connections, so that
 * the loops share the reading and writing evenly (handlers that may wait run on worker threads, see
 * {@link NettyHttpServer.Handler#answersAtOnce}).
 */
final class ConnectionLoops implements EventExecutorChooserFactory {
  private EventExecutor[] loops;
  private AtomicIntegerArray open;

  @Override
  public EventExecutorChooser newChooser(EventExecutor[] executors) {
    loops = executors.clone();
    open = new AtomicIntegerArray(executors.length);
    return this::leastBusy;
  }

  /** The loop with the fewest open connections (the first such); counts the new one on it. */
  private EventExecutor leastBusy() {
    int best = 0;
    for (int i = 1; i < loops.length && open.get(best) > 0; i++) {
      if (open.get(i) < open.get(best)) {
        best = i;
      }
    }
    open.incrementAndGet(best);
    return loops[best];
  }

  /** A connection on {@code loop} has closed. */
  void closed(EventExecutor loop) {
    for (int i = 0; i < loops.length; i++) {
      if (loops[i] == loop) {
        open.decrementAndGet(i);
        return;
      }
    }
  }
}
