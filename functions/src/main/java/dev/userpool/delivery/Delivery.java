package dev.userpool.delivery;

import dev.userpool.errors.ErrorCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends each message through the channel of its medium; a failure becomes
 * CodeDeliveryFailureException, or the role/identity exception the channel names (InvalidSmsRole*,
 * InvalidEmailRoleAccessPolicyException).
 */
public final class Delivery {
  private final Map<DeliveryMedium, MessageChannel> channels = new EnumMap<>(DeliveryMedium.class);
  private final Consumer<OutgoingMessage> handOvers;

  public Delivery(List<MessageChannel> channels) {
    this(channels, m -> {});
  }

  /**
   * @param handOvers where a message handed to a custom sender trigger instead of a channel is
   *     recorded (the local outbox); it is logged in any case
   */
  public Delivery(List<MessageChannel> channels, Consumer<OutgoingMessage> handOvers) {
    for (MessageChannel channel : channels) {
      this.channels.put(channel.medium(), channel);
    }
    this.handOvers = handOvers;
  }

  /**
   * Records that a message went to the pool's custom sender trigger rather than through a channel.
   * The record carries no code: the function got it encrypted, and the clear code is kept nowhere
   * (ADR 0021).
   */
  public void handedToCustomSender(OutgoingMessage message) {
    Log.LOG.log(
        System.Logger.Level.INFO,
        message.triggerSource()
            + " "
            + message.medium()
            + " message of pool "
            + message.userPoolId()
            + " to user "
            + message.username()
            + " handed to the custom sender");
    handOvers.accept(message);
  }

  public void send(OutgoingMessage message) {
    MessageChannel channel = channels.get(message.medium());
    if (channel == null) {
      throw failure(message, "no channel for " + message.medium(), null);
    }
    try {
      channel.send(message);
    } catch (DeliveryFailedException e) {
      if (e.errorCode() != ErrorCode.CODE_DELIVERY_FAILURE && e.callerMessage() != null) {
        log(message, e.getMessage(), e.getCause());
        throw e.errorCode().exception(e.callerMessage());
      }
      throw failure(message, e.getMessage(), e.getCause());
    }
  }

  /**
   * Records a message that is not sent for want of a destination (e.g. an invitation by SMS to a
   * user without a phone number): the caller's answer stays Cognito's, and this line is where the
   * person looking for the message learns why there is none.
   */
  public void notSent(
      String userPoolId,
      String username,
      DeliveryMedium medium,
      String triggerSource,
      String reason) {
    Log.LOG.log(
        System.Logger.Level.WARNING,
        "not sent: "
            + triggerSource
            + " "
            + medium
            + " message of pool "
            + userPoolId
            + " to user "
            + username
            + ": "
            + reason);
  }

  private static RuntimeException failure(OutgoingMessage message, String detail, Throwable cause) {
    log(message, detail, cause);
    // Cognito's exact text for a failed send is not known (unconfirmed); the type is.
    return ErrorCode.CODE_DELIVERY_FAILURE.exception(
        "Unable to deliver message to the given destination.");
  }

  private static void log(OutgoingMessage message, String detail, Throwable cause) {
    Log.LOG.log(
        System.Logger.Level.WARNING,
        "delivery of a "
            + message.triggerSource()
            + " "
            + message.medium()
            + " message of pool "
            + message.userPoolId()
            + " failed: "
            + detail
            + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"));
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(Delivery.class.getName());
  }
}
