package dev.userpool.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where a job's CSV is uploaded to and read back from. The local server receives the upload itself
 * (a file in the data folder, or memory with --in-memory); the Lambda deployment uses the stack's
 * S3 bucket (docs/adr/0015).
 */
public interface CsvUploads {
  /**
   * The URL a client PUTs the CSV to, before its token is appended; empty where uploads are not
   * supported.
   */
  Optional<String> uploadUrl(String poolId, String jobId);

  /**
   * True when {@link #uploadUrl} is complete as it is (an S3 presigned URL, whose signature covers
   * its query): no upload token is appended, and the URL is stored as it is.
   */
  default boolean urlIsSigned() {
    return false;
  }

  /**
   * Takes the job's upload for the import: from now on {@link #open} reads this file, whatever is
   * uploaded later (an upload racing StartUserImportJob must not change the file between the
   * import's two passes). Returns false when nothing was uploaded.
   */
  boolean seal(String poolId, String jobId) throws IOException;

  /** The sealed CSV as a stream, or empty when none was sealed for the job. */
  Optional<InputStream> open(String poolId, String jobId) throws IOException;

  /**
   * Runs the job's import off the request thread: {@code here} on a thread of this process (the
   * local server), or in another invocation that runs it itself (the Lambda).
   */
  void run(String poolId, String jobId, Runnable here);

  /** Forgets the job's files once it has ended. */
  default void discard(String poolId, String jobId) throws IOException {}

  /** A deployment without an upload target (no import bucket configured): no job can start. */
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
        public void run(String poolId, String jobId, Runnable here) {
          throw new IllegalStateException("no uploads, no jobs");
        }
      };
}
