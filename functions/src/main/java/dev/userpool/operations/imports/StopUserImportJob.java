package dev.userpool.operations.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserImportJob;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.imports.UserImports;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.StaleWriteException;

/**
 * Cognito StopUserImportJob: a Pending or InProgress job becomes Stopping; the import notices
 * between rows and ends it as Stopped, keeping the users already imported. Any other status is
 * refused with PreconditionNotMetException (the API reference lists it; the text is ours).
 */
public final class StopUserImportJob implements Operation {
  private final Lookups lookups;
  private final UserImports imports;

  public StopUserImportJob(Lookups lookups, UserImports imports) {
    this.lookups = lookups;
    this.imports = imports;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String jobId = in.string("JobId");
    for (int attempt = 0; attempt < 32; attempt++) {
      UserImportJob job = ImportJobView.require(imports.jobs(), pool.id(), jobId);
      if (!job.status().equals(UserImportJob.PENDING)
          && !job.status().equals(UserImportJob.IN_PROGRESS)) {
        throw ErrorCode.PRECONDITION_NOT_MET.exception(
            "Import job "
                + jobId
                + " cannot be stopped: its status is "
                + job.status()
                + ", and only a Pending or InProgress job can stop.");
      }
      try {
        UserImportJob stopping = imports.jobs().update(job, job.withStatus(UserImportJob.STOPPING));
        return Json.object().set("UserImportJob", ImportJobView.userImportJobType(stopping));
      } catch (StaleWriteException e) {
        // the import wrote its progress meanwhile: read again
      }
    }
    throw ErrorCode.CONCURRENT_MODIFICATION.exception("The import job kept changing; try again.");
  }
}
