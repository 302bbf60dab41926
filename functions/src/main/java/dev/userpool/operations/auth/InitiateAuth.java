package dev.userpool.operations.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.AuthFlows;
import dev.userpool.authflows.Parameters;
import dev.userpool.authflows.SignInContext;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito InitiateAuth: starts USER_PASSWORD_AUTH, USER_SRP_AUTH or REFRESH_TOKEN(_AUTH) for a
 * client id.
 */
public final class InitiateAuth implements Operation {
  private final Lookups lookups;
  private final AuthFlows flows;

  public InitiateAuth(Lookups lookups, AuthFlows flows) {
    this.lookups = lookups;
    this.flows = flows;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    AppClient client = lookups.clientById(in.string("ClientId"));
    UserPool pool = lookups.pool(client.userPoolId());
    SignInContext signIn =
        new SignInContext(
                pool, client, in.stringMap("ClientMetadata"), false, ctx.now(), ctx.baseUrl())
            .from(ctx.sourceIp());
    return AuthResponses.toJson(
        flows.initiate(
            in.string("AuthFlow"), signIn, new Parameters(in.stringMap("AuthParameters"))));
  }
}
