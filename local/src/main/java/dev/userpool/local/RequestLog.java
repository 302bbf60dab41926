package dev.userpool.local;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per request: {@code <UTC time> <operation or METHOD /path> <status> [<__type>] <ms>ms
 * <request id>}. A request only appends its line to a buffer; a writer thread (started with the
 * first line) writes what has gathered at most {@link #FLUSH_AFTER_MS} ms after the first line of a
 * batch, in one write, so under load the console costs a few writes a second instead of one write
 * (and the stream's lock held across it) per request, and an interactive console still sees each
 * line within a fraction of a second. {@link #close()} writes what is left.
 */
final class RequestLog implements AutoCloseable {
  /** How long a line may wait in the buffer: short enough to look immediate on a console. */
  static final long FLUSH_AFTER_MS = 100;

  /** A buffer this large is written at once, without waiting: bounds the memory of a burst. */
  private static final int FLUSH_AT_CHARS = 64 * 1024;

  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final Object writing = new Object(); // keeps batches in order between writer and close
  private volatile Second second = new Second(Long.MIN_VALUE, "");
  private StringBuilder pending = new StringBuilder(); // guarded by this
  private Thread writer; // guarded by this
  private boolean closed; // guarded by this

  private record Second(long epochSecond, String text) {}

  /** A log writing to {@code out}, or writing nothing when {@code out} is null. */
  RequestLog(PrintStream out) {
    this.out = out;
  }

  boolean enabled() {
    return out != null;
  }

  /**
   * @param what the operation name, or {@code METHOD /path} for the server's own endpoints
   * @param errorType the {@code x-amzn-ErrorType} header of a failed call ({@code Name:}), or null
   */
  void log(String what, int status, String errorType, long millis, String requestId) {
    if (out == null) {
      return;
    }
    long now = System.currentTimeMillis();
    StringBuilder line = new StringBuilder(96);
    appendTime(line, now);
    line.append(' ').append(what).append(' ').append(status);
    if (errorType != null && !errorType.isEmpty()) {
      int colon = errorType.indexOf(':');
      line.append(' ').append(errorType, 0, colon < 0 ? errorType.length() : colon);
    }
    line.append(' ').append(millis).append("ms ").append(requestId).append(System.lineSeparator());
    boolean writeNow;
    synchronized (this) {
      writeNow = closed;
      if (!closed) {
        boolean wasEmpty = pending.length() == 0;
        pending.append(line);
        if (writer == null) {
          writer = new Thread(this::writeBatches, "userpool-request-log");
          writer.setDaemon(true); // close() writes the rest; the JVM need not wait for it
          writer.start();
        } else if (wasEmpty || pending.length() >= FLUSH_AT_CHARS) {
          notifyAll();
        }
      }
    }
    if (writeNow) { // a late request while the server stops
      synchronized (writing) {
        out.print(line);
        out.flush();
      }
    }
  }

  /** Writes what the buffer holds now, and stops the writer; later lines are written one by one. */
  @Override
  public void close() {
    if (out == null) {
      return;
    }
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    writeBatch();
  }

  /** The writer thread: waits for a first line, lets a batch gather, writes it. */
  private void writeBatches() {
    try {
      while (true) {
        synchronized (this) {
          while (pending.length() == 0 && !closed) {
            wait();
          }
          if (closed) {
            return;
          }
          long deadline = System.currentTimeMillis() + FLUSH_AFTER_MS;
          for (long left = FLUSH_AFTER_MS;
              left > 0 && !closed && pending.length() < FLUSH_AT_CHARS;
              left = deadline - System.currentTimeMillis()) {
            wait(left);
          }
        }
        writeBatch();
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeBatch() {
    synchronized (writing) {
      StringBuilder batch;
      synchronized (this) {
        if (pending.length() == 0) {
          return;
        }
        batch = pending;
        pending = new StringBuilder(Math.min(batch.length(), FLUSH_AT_CHARS));
      }
      out.print(batch);
      out.flush();
    }
  }

  private void appendTime(StringBuilder line, long epochMillis) {
    long epochSecond = Math.floorDiv(epochMillis, 1000L);
    Second s = second;
    if (s.epochSecond() != epochSecond) {
      s = new Second(epochSecond, SECOND.format(Instant.ofEpochSecond(epochSecond)));
      second = s;
    }
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    line.append(s.text()).append('.');
    if (millis < 100) {
      line.append('0');
    }
    if (millis < 10) {
      line.append('0');
    }
    line.append(millis).append('Z');
  }
}
