package dev.userpool.local;

import dev.userpool.imports.CsvUploads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local server's target for user import CSVs: each upload is streamed to {@code
 * imports/<pool>/<job>.csv} in the data folder (written to a temporary file first and moved into
 * place, so a job never reads half an upload), or kept in memory with --in-memory. When the job
 * starts, the upload is moved aside ({@link #seal}) and the import reads only that copy. Jobs run
 * one at a time on their own thread, so a long import never holds an HTTP worker and two imports
 * never compete for the store.
 */
final class ImportUploads implements CsvUploads, AutoCloseable {
  /** Cognito's limit for an import CSV. */
  static final long MAX_BYTES = 100L * 1024 * 1024;

  private final String endpoint;
  private final Path folder;
  private final Map<String, byte[]> inMemory = new ConcurrentHashMap<>();
  private final Map<String, byte[]> sealedInMemory = new ConcurrentHashMap<>();
  private final ExecutorService jobs =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "userpool-import");
            t.setDaemon(true);
            return t;
          });

  /** {@code folder} null keeps uploads in memory. */
  ImportUploads(String endpoint, Path folder) {
    this.endpoint = endpoint;
    this.folder = folder;
  }

  @Override
  public Optional<String> uploadUrl(String poolId, String jobId) {
    return Optional.of(endpoint + ImportUploadEndpoint.PREFIX + poolId + "/" + jobId);
  }

  @Override
  public boolean seal(String poolId, String jobId) throws IOException {
    if (folder == null) {
      byte[] csv = inMemory.remove(poolId + "/" + jobId);
      if (csv != null) {
        sealedInMemory.put(poolId + "/" + jobId, csv);
      }
      return csv != null || sealedInMemory.containsKey(poolId + "/" + jobId);
    }
    Path file = file(poolId, jobId);
    if (Files.isRegularFile(file)) {
      Files.move(
          file,
          sealed(poolId, jobId),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    return Files.isRegularFile(sealed(poolId, jobId));
  }

  @Override
  public Optional<InputStream> open(String poolId, String jobId) throws IOException {
    if (folder == null) {
      byte[] csv = sealedInMemory.get(poolId + "/" + jobId);
      return csv == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(csv));
    }
    Path file = sealed(poolId, jobId);
    return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
  }

  @Override
  public void run(String poolId, String jobId, Runnable here) {
    jobs.execute(here);
  }

  /**
   * Stores the body as the job's CSV, replacing an earlier upload. Returns false, storing nothing,
   * when the body exceeds {@link #MAX_BYTES}.
   */
  boolean receive(String poolId, String jobId, InputStream body) throws IOException {
    if (folder == null) {
      byte[] csv = body.readNBytes((int) MAX_BYTES + 1);
      if (csv.length > MAX_BYTES) {
        return false;
      }
      inMemory.put(poolId + "/" + jobId, csv);
      return true;
    }
    Path file = file(poolId, jobId);
    Files.createDirectories(file.getParent());
    Path partial = Files.createTempFile(file.getParent(), jobId, ".partial");
    try {
      long written = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(partial)) {
        int n;
        while ((n = body.read(buffer)) != -1) {
          written += n;
          if (written > MAX_BYTES) {
            return false;
          }
          out.write(buffer, 0, n);
        }
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private Path file(String poolId, String jobId) {
    return folder.resolve(poolId).resolve(jobId + ".csv");
  }

  /**
   * The upload the job's import reads: taken aside at the start, so a later PUT cannot change it.
   */
  private Path sealed(String poolId, String jobId) {
    return folder.resolve(poolId).resolve(jobId + ".importing.csv");
  }

  @Override
  public void close() {
    jobs.shutdownNow();
  }
}
