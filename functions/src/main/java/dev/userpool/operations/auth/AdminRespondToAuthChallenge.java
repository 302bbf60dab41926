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
 * Cognito AdminRespondToAuthChallenge: answers a challenge of AdminInitiateAuth (or InitiateAuth)
 * for a client of the given pool.
 */
public final class AdminRespondToAuthChallenge implements Operation {
  private final Lookups lookups;
  private final AuthFlows flows;

  public AdminRespondToAuthChallenge(Lookups lookups, AuthFlows flows) {
    this.lookups = lookups;
    this.flows = flows;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    AppClient client = lookups.client(pool.id(), in.string("ClientId"));
    SignInContext signIn =
        new SignInContext(
                pool, client, in.stringMap("ClientMetadata"), true, ctx.now(), ctx.baseUrl(), true)
            .from(ContextDataIp.of(in, ctx));
    return AuthResponses.toJson(
        flows.respond(
            in.string("ChallengeName"),
            signIn,
            new Parameters(in.stringMap("ChallengeResponses")),
            in.optString("Session").orElse(null)));
  }
}
