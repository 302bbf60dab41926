package dev.userpool.imports.aws;

import dev.userpool.imports.CsvUploads;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * User import CSVs in the stack's S3 bucket (docs/adr/0015). The PreSignedUrl is an S3 presigned
 * PUT of {@code imports/<pool>/<jobId>.csv}, valid for 899 seconds and signed with {@code
 * x-amz-server-side-encryption: aws:kms}, as Cognito's is. Starting the job copies the upload to
 * {@code <jobId>.importing.csv}, a key no URL can write, so a later PUT cannot change the file the
 * import reads (its two passes, and invocations that continue it). The import runs in invocations
 * of this same function, sent asynchronously ({@link ImportJobInvoker}).
 */
public final class S3CsvUploads implements CsvUploads {
  /** Cognito's PreSignedUrl says X-Amz-Expires=899 (AWS CLI examples); the guide: 15 minutes. */
  static final Duration URL_EXPIRY = Duration.ofSeconds(899);

  private final S3Objects objects;
  private final ImportJobInvoker invoker;

  S3CsvUploads(S3Objects objects, ImportJobInvoker invoker) {
    this.objects = objects;
    this.invoker = invoker;
  }

  /** Uploads in {@code bucket}, signed with the function's credentials. */
  public static S3CsvUploads create(
      String bucket,
      String region,
      String endpoint,
      java.util.function.Supplier<
              ? extends software.amazon.awssdk.identity.spi.AwsCredentialsIdentity>
          credentials,
      java.time.Clock clock,
      ImportJobInvoker invoker) {
    return new S3CsvUploads(new S3Objects(bucket, region, endpoint, credentials, clock), invoker);
  }

  static String uploadKey(String poolId, String jobId) {
    return "imports/" + poolId + "/" + jobId + ".csv";
  }

  static String sealedKey(String poolId, String jobId) {
    return "imports/" + poolId + "/" + jobId + ".importing.csv";
  }

  @Override
  public Optional<String> uploadUrl(String poolId, String jobId) {
    return Optional.of(objects.presignedPut(uploadKey(poolId, jobId), URL_EXPIRY));
  }

  @Override
  public boolean urlIsSigned() {
    return true;
  }

  /** Idempotent: a retried or continued invocation keeps the copy the job started with. */
  @Override
  public boolean seal(String poolId, String jobId) throws IOException {
    if (objects.exists(sealedKey(poolId, jobId))) {
      return true;
    }
    if (!objects.exists(uploadKey(poolId, jobId))) {
      return false;
    }
    try {
      objects.copy(uploadKey(poolId, jobId), sealedKey(poolId, jobId));
    } catch (IOException e) {
      // A duplicate delivery of the job's first event may have sealed (and removed the upload)
      // between our checks and the copy: its copy is the one to read.
      if (!objects.exists(sealedKey(poolId, jobId))) {
        throw e;
      }
    }
    objects.delete(uploadKey(poolId, jobId));
    return true;
  }

  @Override
  public Optional<InputStream> open(String poolId, String jobId) throws IOException {
    return objects.get(sealedKey(poolId, jobId));
  }

  @Override
  public void run(String poolId, String jobId, Runnable here) {
    invoker.invoke(poolId, jobId);
  }

  @Override
  public void discard(String poolId, String jobId) throws IOException {
    objects.delete(sealedKey(poolId, jobId));
    objects.delete(uploadKey(poolId, jobId));
  }
}
