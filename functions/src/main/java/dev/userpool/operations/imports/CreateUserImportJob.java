package dev.userpool.operations.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserImportJob;
import dev.userpool.domain.UserPool;
import dev.userpool.imports.UploadTokens;
import dev.userpool.imports.UserImports;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.security.SecureRandom;

/**
 * Cognito CreateUserImportJob: a job in status Created with JobId {@code import-<random>} and the
 * PreSignedUrl the CSV is PUT to. The URL carries a fresh random token that authorizes only this
 * job's upload; only its hash is kept. In AWS the URL is an S3 presigned PUT instead, kept and
 * shown again as Cognito does. Where uploads are not supported (no import bucket, ADR 0015) the job
 * has no PreSignedUrl.
 */
public final class CreateUserImportJob implements Operation {
  private static final String ALPHABET =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final Lookups lookups;
  private final UserImports imports;
  private final SecureRandom random;

  public CreateUserImportJob(Lookups lookups, UserImports imports, SecureRandom random) {
    this.lookups = lookups;
    this.imports = imports;
    this.random = random;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    StringBuilder id = new StringBuilder("import-");
    for (int i = 0; i < 10; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String jobId = id.toString();
    String url = imports.uploads().uploadUrl(pool.id(), jobId).orElse(null);
    boolean tokenized = url != null && !imports.uploads().urlIsSigned();
    String token = tokenized ? UploadTokens.newToken(random) : null;
    UserImportJob job =
        new UserImportJob(
            pool.id(),
            jobId,
            in.string("JobName"),
            UserImportJob.CREATED,
            ctx.now(),
            null,
            null,
            in.optString("CloudWatchLogsRoleArn").orElse(null),
            0,
            0,
            0,
            null,
            url,
            token == null ? null : UploadTokens.hash(token),
            0);
    imports.jobs().create(job);
    return Json.object()
        .set(
            "UserImportJob",
            ImportJobView.userImportJobType(
                job, tokenized ? UploadTokens.withToken(url, token) : url));
  }
}
