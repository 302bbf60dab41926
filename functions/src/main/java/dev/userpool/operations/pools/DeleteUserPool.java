package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;

/**
 * Cognito DeleteUserPool: refused while DeletionProtection is ACTIVE; removes the pool's clients
 * and users.
 */
public final class DeleteUserPool implements Operation {
  private final Lookups lookups;
  private final UserPoolStore pools;

  public DeleteUserPool(Lookups lookups, UserPoolStore pools) {
    this.lookups = lookups;
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    if (pool.view().deletionProtectionActive()) {
      // Cognito's text, quoted from the AWS CLI in localstack/localstack#11947
      throw ErrorCode.INVALID_PARAMETER.exception(
          "The user pool cannot be deleted because deletion protection is"
              + " activated. Deletion protection must be inactivated first.");
    }
    pools.delete(pool);
    return Json.object();
  }
}
