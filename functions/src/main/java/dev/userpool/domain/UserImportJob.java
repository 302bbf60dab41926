package dev.userpool.domain;

import java.time.Instant;

/**
 * A CSV user import job (Cognito's UserImportJobType). The upload token is kept only as its SHA-256
 * ({@code uploadTokenHash}): the clear token appears once, in CreateUserImportJob's PreSignedUrl.
 * {@code preSignedUrl} is that URL without its token (null where uploads are not supported).
 */
public record UserImportJob(
    String userPoolId,
    String jobId,
    String jobName,
    String status,
    Instant creationDate,
    Instant startDate,
    Instant completionDate,
    String cloudWatchLogsRoleArn,
    long importedUsers,
    long skippedUsers,
    long failedUsers,
    String completionMessage,
    String preSignedUrl,
    String uploadTokenHash,
    long version) {

  public static final String CREATED = "Created";
  public static final String PENDING = "Pending";
  public static final String IN_PROGRESS = "InProgress";
  public static final String STOPPING = "Stopping";
  public static final String STOPPED = "Stopped";
  public static final String FAILED = "Failed";
  public static final String SUCCEEDED = "Succeeded";

  public UserImportJob withStatus(String newStatus) {
    return new UserImportJob(
        userPoolId,
        jobId,
        jobName,
        newStatus,
        creationDate,
        startDate,
        completionDate,
        cloudWatchLogsRoleArn,
        importedUsers,
        skippedUsers,
        failedUsers,
        completionMessage,
        preSignedUrl,
        uploadTokenHash,
        version);
  }

  public UserImportJob started(Instant at) {
    return new UserImportJob(
        userPoolId,
        jobId,
        jobName,
        PENDING,
        creationDate,
        at,
        completionDate,
        cloudWatchLogsRoleArn,
        importedUsers,
        skippedUsers,
        failedUsers,
        completionMessage,
        preSignedUrl,
        uploadTokenHash,
        version);
  }

  /** The job with these counts, still running. */
  public UserImportJob counting(long imported, long skipped, long failed) {
    return new UserImportJob(
        userPoolId,
        jobId,
        jobName,
        status,
        creationDate,
        startDate,
        completionDate,
        cloudWatchLogsRoleArn,
        imported,
        skipped,
        failed,
        completionMessage,
        preSignedUrl,
        uploadTokenHash,
        version);
  }

  public UserImportJob finished(String finalStatus, Instant at, String message) {
    return new UserImportJob(
        userPoolId,
        jobId,
        jobName,
        finalStatus,
        creationDate,
        startDate,
        at,
        cloudWatchLogsRoleArn,
        importedUsers,
        skippedUsers,
        failedUsers,
        message,
        preSignedUrl,
        uploadTokenHash,
        version);
  }

  public UserImportJob withVersion(long newVersion) {
    return new UserImportJob(
        userPoolId,
        jobId,
        jobName,
        status,
        creationDate,
        startDate,
        completionDate,
        cloudWatchLogsRoleArn,
        importedUsers,
        skippedUsers,
        failedUsers,
        completionMessage,
        preSignedUrl,
        uploadTokenHash,
        newVersion);
  }

  public boolean isFinished() {
    return status.equals(STOPPED) || status.equals(FAILED) || status.equals(SUCCEEDED);
  }
}
