package dev.userpool.store.embedded;

import java.nio.file.Path;

/**
 * A snapshot or journal line that fails its checksum somewhere a crash cannot explain (anywhere but
 * the journal's last line). Opening stops here rather than carry on with part of the data: nothing
 * in the folder has been changed, and {@link EmbeddedItemTable.OnDamage#REPAIR} can keep what is
 * readable after copying the file aside.
 */
public final class DamagedDataException extends IllegalStateException {
  private final Path file;
  private final long offset;
  private final int wholeBatchesBefore;

  DamagedDataException(Path file, long offset, int wholeBatchesBefore) {
    super(
        file
            + " is damaged at byte "
            + offset
            + " (after "
            + wholeBatchesBefore
            + " whole "
            + (wholeBatchesBefore == 1 ? "line" : "lines")
            + ")");
    this.file = file;
    this.offset = offset;
    this.wholeBatchesBefore = wholeBatchesBefore;
  }

  public Path file() {
    return file;
  }

  /** Where the first damaged line starts. */
  public long offset() {
    return offset;
  }

  /** The lines before the damage that read correctly. */
  public int wholeBatchesBefore() {
    return wholeBatchesBefore;
  }
}
