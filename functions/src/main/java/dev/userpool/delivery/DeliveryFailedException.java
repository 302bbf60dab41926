package dev.userpool.delivery;

import dev.userpool.errors.ErrorCode;

/**
 * A channel could not deliver a message. The detail is for the log only, never for the caller; the
 * caller gets {@link #errorCode} with {@link #callerMessage} (CodeDeliveryFailureException unless
 * the pool's sender role or identity is at fault).
 */
public final class DeliveryFailedException extends RuntimeException {
  private final ErrorCode errorCode;
  private final String callerMessage;

  public DeliveryFailedException(String detail, Throwable cause) {
    this(detail, cause, ErrorCode.CODE_DELIVERY_FAILURE, null);
  }

  /**
   * A failure reported as {@code errorCode} with {@code callerMessage} (null: the default text of
   * Delivery).
   */
  public DeliveryFailedException(
      String detail, Throwable cause, ErrorCode errorCode, String callerMessage) {
    super(detail, cause);
    this.errorCode = errorCode;
    this.callerMessage = callerMessage;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public String callerMessage() {
    return callerMessage;
  }
}
