package dev.userpool.operations.tags;

import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.store.UserPoolStore;

/** Finds the pool an ARN names; only user pools can be tagged. */
final class TaggedPools {
  private static final String MARKER = ":userpool/";

  private TaggedPools() {}

  /** ResourceNotFoundException when the ARN names no existing pool (wording guessed). */
  static UserPool find(UserPoolStore pools, String arn) {
    int at = arn.indexOf(MARKER);
    if (arn.startsWith("arn:") && at > 0) {
      String poolId = arn.substring(at + MARKER.length());
      UserPool pool = pools.find(poolId).orElse(null);
      if (pool != null && pool.arn().equals(arn)) {
        return pool;
      }
    }
    throw ErrorCode.RESOURCE_NOT_FOUND.exception("Resource " + arn + " does not exist.");
  }
}
