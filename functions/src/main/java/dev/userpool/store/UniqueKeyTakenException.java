package dev.userpool.store;

import dev.userpool.domain.UniqueKey;

/** A write would have given a unique key to a second user; nothing was written. */
public final class UniqueKeyTakenException extends RuntimeException {
  private final UniqueKey key;

  public UniqueKeyTakenException(UniqueKey key) {
    super("unique key taken: " + key.kind(), null, false, false);
    this.key = key;
  }

  public UniqueKey key() {
    return key;
  }
}
