package dev.userpool.imports;

import dev.userpool.store.ImportJobStore;

/**
 * The import jobs of all pools and where their CSVs go. Starts with {@link CsvUploads#NONE}; the
 * local server replaces that with its own upload endpoint once it knows its address.
 */
public final class UserImports {
  private final ImportJobStore jobs;
  private volatile CsvUploads uploads = CsvUploads.NONE;

  public UserImports(ImportJobStore jobs) {
    this.jobs = jobs;
  }

  public ImportJobStore jobs() {
    return jobs;
  }

  public CsvUploads uploads() {
    return uploads;
  }

  public void useUploads(CsvUploads uploads) {
    this.uploads = uploads;
  }
}
