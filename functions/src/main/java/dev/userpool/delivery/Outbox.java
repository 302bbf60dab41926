package dev.userpool.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Local mode's stand-in for SES and SNS: every message is logged on one line (destination and code, so a developer
 * can read codes off the console) and kept in memory, oldest first, until {@link #clear}.
 */
public final class Outbox {
  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
  private final List<OutgoingMessage> messages = new ArrayList<>();

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

  public synchronized void add(OutgoingMessage m) {
    messages.add(m);
    LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "outbox: %s %s to %s (pool %s, user %s): code %s",
        m.triggerSource(), m.medium(), m.destination(), m.userPoolId(), m.username(), m.code()));
  }

  /** Messages oldest first, optionally only those of one pool and/or one username (null = any). */
  public synchronized List<OutgoingMessage> messages(String userPoolId, String username) {
    return messages.stream()
        .filter(m -> userPoolId == null || userPoolId.equals(m.userPoolId()))
        .filter(m -> username == null || username.equals(m.username()))
        .toList();
  }

  public synchronized void clear() {
    messages.clear();
  }
}
