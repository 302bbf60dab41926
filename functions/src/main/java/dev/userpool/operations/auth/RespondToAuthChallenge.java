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

/** Cognito RespondToAuthChallenge: answers PASSWORD_VERIFIER or NEW_PASSWORD_REQUIRED. */
public final class RespondToAuthChallenge implements Operation {
  private final Lookups lookups;
  private final AuthFlows flows;

  public RespondToAuthChallenge(Lookups lookups, AuthFlows flows) {
    this.lookups = lookups;
    this.flows = flows;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    AppClient client = lookups.clientById(in.string("ClientId"));
    UserPool pool = lookups.pool(client.userPoolId());
    SignInContext signIn =
        new SignInContext(
                pool, client, in.stringMap("ClientMetadata"), false, ctx.now(), ctx.baseUrl(), true)
            .from(ctx.sourceIp());
    return AuthResponses.toJson(
        flows.respond(
            in.string("ChallengeName"),
            signIn,
            new Parameters(in.stringMap("ChallengeResponses")),
            in.optString("Session").orElse(null)));
  }
}
