package dev.userpool.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where a job's CSV is uploaded to and read back from. The local server receives the upload itself (a file in the
 * data folder, or memory with --in-memory); the Lambda deployment has no upload target yet (docs/adr/0015).
 */
public interface CsvUploads {
  /** The URL a client PUTs the CSV to, before its token is appended; empty where uploads are not supported. */
  Optional<String> uploadUrl(String poolId, String jobId);

  /** The uploaded CSV as a stream, or empty when nothing was uploaded for the job. */
  Optional<InputStream> open(String poolId, String jobId) throws IOException;

  /** Runs an import job off the request thread. */
  void run(Runnable job);

  /** The Lambda deployment's answer today: no upload target, so no job can start. */
  CsvUploads NONE = new CsvUploads() {
    @Override
    public Optional<String> uploadUrl(String poolId, String jobId) {
      return Optional.empty();
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
