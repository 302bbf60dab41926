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
 * Cognito AdminInitiateAuth: the admin flows (ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH) and the
 * user flows, for a client of the given pool.
 */
public final class AdminInitiateAuth implements Operation {
  private final Lookups lookups;
  private final AuthFlows flows;

  public AdminInitiateAuth(Lookups lookups, AuthFlows flows) {
    this.lookups = lookups;
    this.flows = flows;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    AppClient client = lookups.client(pool.id(), in.string("ClientId"));
    SignInContext signIn =
        new SignInContext(
                pool, client, in.stringMap("ClientMetadata"), true, ctx.now(), ctx.baseUrl())
            .from(ContextDataIp.of(in, ctx));
    return AuthResponses.toJson(
        flows.initiate(
            in.string("AuthFlow"), signIn, new Parameters(in.stringMap("AuthParameters"))));
  }
}
