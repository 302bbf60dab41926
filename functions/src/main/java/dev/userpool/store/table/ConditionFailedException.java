package dev.userpool.store.table;

/**
 * A write batch was rejected because the condition of the write at {@link #index()} did not hold.
 * Nothing of the batch was applied. The index is -1 when the backend could not tell which write
 * failed.
 */
public final class ConditionFailedException extends RuntimeException {
  private final int index;

  public ConditionFailedException(int index) {
    super("condition failed at write " + index, null, false, false);
    this.index = index;
  }

  public int index() {
    return index;
  }
}
