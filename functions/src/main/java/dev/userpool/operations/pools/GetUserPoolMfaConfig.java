package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/** Cognito GetUserPoolMfaConfig. */
public final class GetUserPoolMfaConfig implements Operation {
  private final Lookups lookups;

  public GetUserPoolMfaConfig(Lookups lookups) {
    this.lookups = lookups;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    return MfaSettings.render(lookups.pool(in.string("UserPoolId")).settings());
  }
}
