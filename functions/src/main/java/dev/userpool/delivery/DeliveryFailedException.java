package dev.userpool.delivery;

/** A channel could not deliver a message. The detail is for the log only, never for the caller. */
public final class DeliveryFailedException extends RuntimeException {
  public DeliveryFailedException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
