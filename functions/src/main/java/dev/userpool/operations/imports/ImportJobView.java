package dev.userpool.operations.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UserImportJob;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import dev.userpool.store.ImportJobStore;

/** UserImportJobType as Cognito answers it, and the lookup every job operation starts with. */
final class ImportJobView {
  private ImportJobView() {}

  static ObjectNode userImportJobType(UserImportJob j, String preSignedUrl) {
    ObjectNode o = Json.object();
    o.put("JobName", j.jobName());
    o.put("JobId", j.jobId());
    o.put("UserPoolId", j.userPoolId());
    if (preSignedUrl != null) {
      o.put("PreSignedUrl", preSignedUrl);
    }
    o.put("CreationDate", Json.epochSeconds(j.creationDate()));
    if (j.startDate() != null) {
      o.put("StartDate", Json.epochSeconds(j.startDate()));
    }
    if (j.completionDate() != null) {
      o.put("CompletionDate", Json.epochSeconds(j.completionDate()));
    }
    o.put("Status", j.status());
    if (j.cloudWatchLogsRoleArn() != null) {
      o.put("CloudWatchLogsRoleArn", j.cloudWatchLogsRoleArn());
    }
    o.put("ImportedUsers", j.importedUsers());
    o.put("SkippedUsers", j.skippedUsers());
    o.put("FailedUsers", j.failedUsers());
    if (j.completionMessage() != null) {
      o.put("CompletionMessage", j.completionMessage());
    }
    return o;
  }

  /**
   * Describe/List show the upload URL without its token: the token is stored only as a hash (ADR
   * 0015).
   */
  static ObjectNode userImportJobType(UserImportJob j) {
    return userImportJobType(j, j.preSignedUrl());
  }

  static UserImportJob require(ImportJobStore jobs, String poolId, String jobId) {
    // Cognito's text for an unknown job is unconfirmed (docs/adr/0015-user-import-jobs.md).
    return jobs.find(poolId, jobId)
        .orElseThrow(
            () ->
                ErrorCode.RESOURCE_NOT_FOUND.exception(
                    "Import job " + jobId + " does not exist in user pool " + poolId + "."));
  }
}
