package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito DescribeRiskConfiguration: the client's risk configuration, else the pool's (see
 * RiskConfigurations).
 */
public final class DescribeRiskConfiguration implements Operation {
  private final Lookups lookups;

  public DescribeRiskConfiguration(Lookups lookups) {
    this.lookups = lookups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String clientId =
        in.optString("ClientId").map(id -> lookups.client(pool.id(), id).clientId()).orElse(null);
    return RiskConfigurations.render(pool, clientId);
  }
}
