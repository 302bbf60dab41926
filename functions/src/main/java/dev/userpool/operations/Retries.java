package dev.userpool.operations;

import dev.userpool.errors.ErrorCode;
import dev.userpool.store.StaleWriteException;
import java.util.function.Supplier;

/**
 * Read-modify-write with optimistic locking: re-read and retry a few times, then
 * ConcurrentModificationException.
 */
public final class Retries {
  private static final int ATTEMPTS = 5;

  private Retries() {}

  /**
   * Runs {@code attempt} (which must re-read what it changes) until it writes without a version
   * conflict.
   */
  public static <T> T onStaleWrite(Supplier<T> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (StaleWriteException e) {
        if (i >= ATTEMPTS) {
          throw ErrorCode.CONCURRENT_MODIFICATION.exception();
        }
      }
    }
  }
}
