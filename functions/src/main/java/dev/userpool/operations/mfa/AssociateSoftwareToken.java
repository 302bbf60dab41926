package dev.userpool.operations.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.ChallengeSessions;
import dev.userpool.authflows.MfaStage;
import dev.userpool.authflows.SoftwareTokens;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AssociateSoftwareToken: a new TOTP secret (SecretCode, 32 base32 characters) for the
 * caller, shown this once and kept sealed until VerifySoftwareToken accepts a code of it. Called
 * with an MFA_SETUP Session it also answers the Session to verify with.
 */
public final class AssociateSoftwareToken implements Operation {
  private final SoftwareTokenCaller callers;
  private final SoftwareTokens softwareTokens;
  private final ChallengeSessions sessions;

  public AssociateSoftwareToken(
      SoftwareTokenCaller callers, SoftwareTokens softwareTokens, ChallengeSessions sessions) {
    this.callers = callers;
    this.softwareTokens = softwareTokens;
    this.sessions = sessions;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SoftwareTokenCaller.Caller caller = callers.require(in, MfaStage.MFA_SETUP);
    SoftwareTokens.requireEnabledByPool(caller.pool());
    String secret = softwareTokens.associate(caller.pool(), caller.user(), ctx.now());
    ObjectNode out = Json.object();
    out.put("SecretCode", secret);
    if (caller.session() != null) {
      out.put("Session", sessions.reissuePortable(caller.session(), MfaStage.MFA_SETUP, ctx.now()));
    }
    return out;
  }
}
