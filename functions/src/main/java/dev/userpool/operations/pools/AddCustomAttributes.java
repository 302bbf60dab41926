package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cognito AddCustomAttributes: appends {@code custom:} attributes to the schema (at most 50 per
 * pool).
 */
public final class AddCustomAttributes implements Operation {
  private final Lookups lookups;
  private final UserPoolStore pools;

  public AddCustomAttributes(Lookups lookups, UserPoolStore pools) {
    this.lookups = lookups;
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = in.string("UserPoolId");
    List<JsonNode> items = new ArrayList<>();
    in.body().get("CustomAttributes").forEach(items::add);
    Retries.onStaleWrite(
        () -> {
          UserPool pool = lookups.pool(poolId);
          List<Map<String, Object>> schema = new ArrayList<>(pool.view().schemaAttributes());
          SchemaAttributes.addCustom(schema, items);
          Map<String, Object> settings = new LinkedHashMap<>(pool.settings());
          settings.put("SchemaAttributes", schema);
          return pools.update(pool.withSettings(settings, ctx.now()));
        });
    return Json.object();
  }
}
