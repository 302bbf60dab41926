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

/**
 * Cognito UpdateUserPool. Most members the request omits go back to their defaults; Policies,
 * MfaConfiguration and UserPoolTier are kept ({@link KeptOnUpdate}). Schema, alias and username
 * attributes cannot change. UserPoolTags, when given, replace the pool's tags.
 */
public final class UpdateUserPool implements Operation {
  private final Lookups lookups;
  private final UserPoolStore pools;

  public UpdateUserPool(Lookups lookups, UserPoolStore pools) {
    this.lookups = lookups;
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String poolId = in.string("UserPoolId");
    Retries.onStaleWrite(
        () -> {
          UserPool current = lookups.pool(poolId);
          UserPool updated =
              new UserPool(
                  current.id(),
                  in.stringOr("PoolName", current.name()),
                  current.arn(),
                  current.creationDate(),
                  ctx.now(),
                  UserPoolDefaults.forUpdate(in, current.settings()),
                  in.has("UserPoolTags") ? in.stringMap("UserPoolTags") : current.tags(),
                  current.version());
          return pools.update(updated);
        });
    return Json.object();
  }
}
