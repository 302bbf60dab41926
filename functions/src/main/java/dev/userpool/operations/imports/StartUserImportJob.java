package dev.userpool.operations.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserImportJob;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.imports.CsvImport;
import dev.userpool.imports.CsvUploads;
import dev.userpool.imports.UserImports;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.StaleWriteException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Cognito StartUserImportJob: a Created job becomes Pending and is handed to the import executor,
 * which moves it to InProgress and then Succeeded, Failed or Stopped ({@link CsvImport}); the
 * answer is the Pending job. A job in any other status is refused with PreconditionNotMetException
 * (the API reference lists it; the text is ours). Where no upload target exists (a Lambda
 * deployment without an import bucket) no job can have a file, so starting is refused with a
 * message that says so.
 */
public final class StartUserImportJob implements Operation {
  private final Lookups lookups;
  private final UserImports imports;
  private final UserDirectory directory;
  private final SecureRandom random;
  private final Clock clock;

  public StartUserImportJob(
      Lookups lookups,
      UserImports imports,
      UserDirectory directory,
      SecureRandom random,
      Clock clock) {
    this.lookups = lookups;
    this.imports = imports;
    this.directory = directory;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    UserImportJob job = ImportJobView.require(imports.jobs(), pool.id(), in.string("JobId"));
    CsvUploads uploads = imports.uploads();
    if (uploads == CsvUploads.NONE) {
      throw ErrorCode.UNSUPPORTED_OPERATION.exception(
          "User import jobs can be created here, but this deployment has no CSV upload target "
              + "(USERPOOL_IMPORT_BUCKET is not set), so this job cannot start (docs/adr/0015-user-import-jobs.md).");
    }
    if (!job.status().equals(UserImportJob.CREATED)) {
      throw notCreated(job);
    }
    UserImportJob pending;
    try {
      pending = imports.jobs().update(job, job.started(ctx.now()));
    } catch (StaleWriteException e) {
      throw notCreated(
          ImportJobView.require(imports.jobs(), pool.id(), job.jobId())); // started concurrently
    }
    CsvImport run = new CsvImport(imports.jobs(), uploads, directory, random, clock);
    try {
      uploads.run(pool.id(), job.jobId(), () -> run.run(pool, job.jobId()));
    } catch (RuntimeException e) {
      // Nothing will run the job: end it rather than leave it Pending for ever.
      imports
          .jobs()
          .update(
              pending,
              pending.finished(
                  UserImportJob.FAILED, ctx.now(), "The import could not be started."));
      throw ErrorCode.INTERNAL_ERROR.exception("The import job could not be started.");
    }
    return Json.object().set("UserImportJob", ImportJobView.userImportJobType(pending));
  }

  private static RuntimeException notCreated(UserImportJob job) {
    return ErrorCode.PRECONDITION_NOT_MET.exception(
        "Import job "
            + job.jobId()
            + " cannot be started: its status is "
            + job.status()
            + ", and only a job in status Created can start.");
  }
}
