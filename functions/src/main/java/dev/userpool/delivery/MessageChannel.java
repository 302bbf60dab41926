package dev.userpool.delivery;

/** One way of delivering messages: SES email, SNS SMS, or the local outbox. */
public interface MessageChannel {
  /** The medium this channel delivers. */
  DeliveryMedium medium();

  /**
   * Delivers the message or throws {@link DeliveryFailedException}; nothing else is thrown for a
   * failure the caller should report as CodeDeliveryFailureException.
   */
  void send(OutgoingMessage message);
}
