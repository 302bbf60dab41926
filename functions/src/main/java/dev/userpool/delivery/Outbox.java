package dev.userpool.delivery;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Local mode's stand-in for SES and SNS: every message is logged on one line (destination and code,
 * so a developer can read codes off the console) and kept in memory, oldest first, until {@link
 * #clear}. Only the most recent {@link #DEFAULT_CAPACITY} (or {@link #keepAtMost}) are kept, so a
 * long-running server does not grow without bound; {@link Contents#received()} counts every message
 * since the last clear.
 */
public final class Outbox {
  public static final int DEFAULT_CAPACITY = 1000;
  private final ArrayDeque<OutgoingMessage> messages = new ArrayDeque<>();
  private int capacity = DEFAULT_CAPACITY;
  private long received;

  /**
   * What the outbox holds: the kept messages (oldest first), all received since the last clear, the
   * limit.
   */
  public record Contents(List<OutgoingMessage> messages, long received, int capacity) {}

  /** A channel that puts messages of {@code medium} here. */
  public MessageChannel channel(DeliveryMedium medium) {
    return new MessageChannel() {
      @Override
      public DeliveryMedium medium() {
        return medium;
      }

      @Override
      public void send(OutgoingMessage message) {
        add(message);
      }
    };
  }

  /** Keeps at most {@code capacity} messages from now on, dropping the oldest beyond that. */
  public synchronized void keepAtMost(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the outbox must keep at least one message: " + capacity);
    }
    this.capacity = capacity;
    trim();
  }

  public synchronized void add(OutgoingMessage m) {
    messages.addLast(m);
    received++;
    trim();
    Log.LOG.log(
        System.Logger.Level.INFO,
        "outbox: "
            + m.triggerSource()
            + " "
            + m.medium()
            + " to "
            + m.destination()
            + " (pool "
            + m.userPoolId()
            + ", user "
            + m.username()
            + (m.code() != null
                ? "): code " + m.code()
                : "): handed to the custom sender, code encrypted and not kept"));
  }

  /** Messages oldest first, optionally only those of one pool and/or one username (null = any). */
  public synchronized List<OutgoingMessage> messages(String userPoolId, String username) {
    return messages.stream()
        .filter(m -> userPoolId == null || userPoolId.equals(m.userPoolId()))
        .filter(m -> username == null || username.equals(m.username()))
        .toList();
  }

  public synchronized Contents contents() {
    return new Contents(List.copyOf(messages), received, capacity);
  }

  public synchronized void clear() {
    messages.clear();
    received = 0;
  }

  private void trim() {
    while (messages.size() > capacity) {
      messages.removeFirst();
    }
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(Outbox.class.getName());
  }
}
