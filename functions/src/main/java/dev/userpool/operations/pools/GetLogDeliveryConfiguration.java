package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito GetLogDeliveryConfiguration: the pool's log configurations as SetLogDeliveryConfiguration
 * stored them.
 */
public final class GetLogDeliveryConfiguration implements Operation {
  private final Lookups lookups;

  public GetLogDeliveryConfiguration(Lookups lookups) {
    this.lookups = lookups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    return LogDelivery.render(lookups.pool(in.string("UserPoolId")));
  }
}
