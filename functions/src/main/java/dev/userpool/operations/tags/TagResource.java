package dev.userpool.operations.tags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** Cognito TagResource: adds tags to a pool, replacing the values of keys it already has. */
public final class TagResource implements Operation {
  private final UserPoolStore pools;

  public TagResource(UserPoolStore pools) {
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String arn = in.string("ResourceArn");
    Map<String, String> added = in.stringMap("Tags");
    Retries.onStaleWrite(
        () -> {
          UserPool pool = TaggedPools.find(pools, arn);
          Map<String, String> tags = new LinkedHashMap<>(pool.tags());
          tags.putAll(added);
          return pools.update(pool.withTags(tags));
        });
    return Json.object();
  }
}
