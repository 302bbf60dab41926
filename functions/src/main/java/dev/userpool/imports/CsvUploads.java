package dev.userpool.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where a job's CSV is uploaded to and read back from. The local server receives the upload itself
 * (a file in the data folder, or memory with --in-memory); the Lambda deployment has no upload
 * target yet (docs/adr/0015).
 */
public interface CsvUploads {
  /**
   * The URL a client PUTs the CSV to, before its token is appended; empty where uploads are not
   * supported.
   */
  Optional<String> uploadUrl(String poolId, String jobId);

  /**
   * Takes the job's upload for the import: from now on {@link #open} reads this file, whatever is
   * uploaded later (an upload racing StartUserImportJob must not change the file between the
   * import's two passes). Returns false when nothing was uploaded.
   */
  boolean seal(String poolId, String jobId) throws IOException;

  /** The sealed CSV as a stream, or empty when none was sealed for the job. */
  Optional<InputStream> open(String poolId, String jobId) throws IOException;

  /** Runs an import job off the request thread. */
  void run(Runnable job);

  /** The Lambda deployment's answer today: no upload target, so no job can start. */
  CsvUploads NONE =
      new CsvUploads() {
        @Override
        public Optional<String> uploadUrl(String poolId, String jobId) {
          return Optional.empty();
        }

        @Override
        public boolean seal(String poolId, String jobId) {
          return false;
        }

        @Override
        public Optional<InputStream> open(String poolId, String jobId) {
          return Optional.empty();
        }

        @Override
        public void run(Runnable job) {
          throw new IllegalStateException("no uploads, no jobs");
        }
      };
}
