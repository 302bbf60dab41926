package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.UserPool;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;
import dev.userpool.tokens.SigningKeys;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Cognito CreateUserPool: a new pool in the caller's region with Cognito's defaults applied, and
 * its first token signing key (so its JWKS is ready before the first sign-in; keys are also created
 * on demand if this step was interrupted).
 */
public final class CreateUserPool implements Operation {
  private final UserPoolStore pools;
  private final SecureRandom random;
  private final SigningKeys signingKeys;

  public CreateUserPool(UserPoolStore pools, SecureRandom random, SigningKeys signingKeys) {
    this.pools = pools;
    this.random = random;
    this.signingKeys = signingKeys;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    Map<String, Object> settings = UserPoolDefaults.forCreate(in);
    String id = Identifiers.userPoolId(ctx.region(), random);
    String arn = "arn:aws:cognito-idp:" + ctx.region() + ":" + ctx.accountId() + ":userpool/" + id;
    UserPool pool =
        new UserPool(
            id,
            in.string("PoolName"),
            arn,
            ctx.now(),
            ctx.now(),
            settings,
            in.stringMap("UserPoolTags"),
            0);
    pools.create(pool);
    signingKeys.ensure(id);
    ObjectNode out = Json.object();
    out.set("UserPool", UserPoolView.full(pool, 0));
    return out;
  }
}
