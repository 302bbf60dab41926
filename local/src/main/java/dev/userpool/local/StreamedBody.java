package dev.userpool.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * A request body as it arrives: the event loop {@link #offer offers} chunks, the handler thread
 * reads them. Once {@link #FULL} bytes wait unread the connection stops reading the socket (see
 * {@link #full()}), and {@code resume} runs when the reader has caught up, so a large upload never
 * sits in memory whole (issue 11).
 */
final class StreamedBody extends InputStream {
  /** Bytes waiting unread at which the connection stops reading. */
  static final int FULL = 256 * 1024;

  private static final int CAUGHT_UP = 64 * 1024;

  private final Runnable resume;
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private byte[] current;
  private int position;
  private int waiting;
  private boolean ended;
  private boolean abandoned;
  private boolean stopped;
  private IOException failure;

  /** {@code resume} runs (on the reader's thread) when a full body has been read down again. */
  StreamedBody(Runnable resume) {
    this.resume = resume;
  }

  /** Event loop: the next chunk; ignored once the handler has answered. */
  synchronized void offer(byte[] chunk) {
    if (abandoned || chunk.length == 0) {
      return;
    }
    chunks.add(chunk);
    waiting += chunk.length;
    notifyAll();
  }

  /** Event loop: the body is complete. */
  synchronized void end() {
    ended = true;
    notifyAll();
  }

  /** Event loop: the connection broke before the body ended. */
  synchronized void fail(IOException why) {
    if (!ended) {
      failure = why;
      notifyAll();
    }
  }

  /** Event loop: the handler has answered; what is left of the body is dropped as it arrives. */
  synchronized void abandon() {
    abandoned = true;
    chunks.clear();
    waiting = 0;
    stopped = false;
  }

  /** Event loop: whether the connection should stop reading; remembered, to resume later. */
  synchronized boolean full() {
    if (waiting >= FULL) {
      stopped = true;
    }
    return stopped;
  }

  /** Bytes received and not yet read. */
  synchronized int waiting() {
    return waiting;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    boolean caughtUp = false;
    int n;
    synchronized (this) {
      while (current == null || position == current.length) {
        current = chunks.poll();
        position = 0;
        if (current != null) {
          waiting -= current.length;
          if (stopped && waiting <= CAUGHT_UP) {
            stopped = false;
            caughtUp = true;
          }
        } else if (failure != null) {
          throw failure;
        } else if (ended || abandoned) {
          return -1;
        } else {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the request body");
          }
        }
      }
      n = Math.min(length, current.length - position);
      System.arraycopy(current, position, into, offset, n);
      position += n;
    }
    if (caughtUp) {
      resume.run();
    }
    return n;
  }
}
