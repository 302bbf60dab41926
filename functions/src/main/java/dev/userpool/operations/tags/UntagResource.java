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
import java.util.List;
import java.util.Map;

/** Cognito UntagResource: removes the given keys; keys the pool does not have are ignored. */
public final class UntagResource implements Operation {
  private final UserPoolStore pools;

  public UntagResource(UserPoolStore pools) {
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String arn = in.string("ResourceArn");
    List<String> keys = in.strings("TagKeys");
    Retries.onStaleWrite(
        () -> {
          UserPool pool = TaggedPools.find(pools, arn);
          Map<String, String> tags = new LinkedHashMap<>(pool.tags());
          keys.forEach(tags::remove);
          return pools.update(pool.withTags(tags));
        });
    return Json.object();
  }
}
