package dev.userpool.store;

/**
 * The record changed since it was read; nothing was written. Callers re-read and retry, or report
 * it.
 */
public final class StaleWriteException extends RuntimeException {
  public StaleWriteException() {
    super("stale write", null, false, false);
  }
}
