package dev.userpool.store.transfer;

/**
 * The file cannot be imported as it is; nothing has been written. The message says why and where.
 */
public final class ImportRefusedException extends Exception {
  public ImportRefusedException(String message) {
    super(message);
  }
}
