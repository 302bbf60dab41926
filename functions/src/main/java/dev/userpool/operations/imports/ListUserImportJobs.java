package dev.userpool.operations.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.UserImportJob;
import dev.userpool.domain.UserPool;
import dev.userpool.imports.UserImports;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito ListUserImportJobs: MaxResults (1–60, required by the model) jobs per page, continued
 * with PaginationToken; ordered by job id (Cognito's order unconfirmed).
 */
public final class ListUserImportJobs implements Operation {
  private final Lookups lookups;
  private final UserImports imports;

  public ListUserImportJobs(Lookups lookups, UserImports imports) {
    this.lookups = lookups;
    this.imports = imports;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    int max = in.optInt("MaxResults").orElse(60);
    Page<UserImportJob> page =
        imports.jobs().list(pool.id(), max, in.optString("PaginationToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("UserImportJobs");
    page.items().forEach(j -> list.add(ImportJobView.userImportJobType(j)));
    if (page.nextToken() != null) {
      out.put("PaginationToken", page.nextToken());
    }
    return out;
  }
}
