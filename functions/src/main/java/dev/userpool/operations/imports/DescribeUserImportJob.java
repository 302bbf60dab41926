package dev.userpool.operations.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.imports.UserImports;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito DescribeUserImportJob: the job's status and counts so far. */
public final class DescribeUserImportJob implements Operation {
  private final Lookups lookups;
  private final UserImports imports;

  public DescribeUserImportJob(Lookups lookups, UserImports imports) {
    this.lookups = lookups;
    this.imports = imports;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    return Json.object()
        .set(
            "UserImportJob",
            ImportJobView.userImportJobType(
                ImportJobView.require(imports.jobs(), pool.id(), in.string("JobId"))));
  }
}
