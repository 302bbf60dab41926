package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cognito GetCSVHeader: the pool's schema attributes except {@code sub}, then {@code
 * cognito:mfa_enabled} and {@code cognito:username} (awscli/examples/cognito-idp/get-csv-header.rst
 * lists the standard-only case; custom attributes following the standard ones in schema order is
 * inferred).
 */
public final class GetCSVHeader implements Operation {
  private final Lookups lookups;

  public GetCSVHeader(Lookups lookups) {
    this.lookups = lookups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    ObjectNode out = Json.object();
    out.put("UserPoolId", pool.id());
    ArrayNode header = out.putArray("CSVHeader");
    columns(pool).forEach(header::add);
    return out;
  }

  /** The header's columns; a user import CSV must have exactly these (in any order). */
  public static List<String> columns(UserPool pool) {
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> attribute : pool.view().schemaAttributes()) {
      String name = String.valueOf(attribute.get("Name"));
      if (!name.equals("sub") && !name.startsWith("dev:")) {
        columns.add(name);
      }
    }
    columns.add("cognito:mfa_enabled");
    columns.add("cognito:username");
    return columns;
  }
}
