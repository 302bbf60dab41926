package dev.userpool.operations.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.ChallengeSessions;
import dev.userpool.authflows.MfaStage;
import dev.userpool.authflows.SoftwareTokens;
import dev.userpool.errors.CognitoException;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito VerifySoftwareToken: a code of the associated secret marks the caller's token verified
 * (the user may then enable it with SetUserMFAPreference). Status is SUCCESS when accepted; a wrong
 * code is EnableSoftwareTokenMFAException, as Cognito answers, rather than Status ERROR. With an
 * MFA_SETUP Session the answer carries the Session that completes MFA_SETUP; a wrong code leaves
 * the presented Session usable for {@value MfaStage#MAX_CODE_ATTEMPTS} wrong codes in all.
 */
public final class VerifySoftwareToken implements Operation {
  private final SoftwareTokenCaller callers;
  private final SoftwareTokens softwareTokens;
  private final ChallengeSessions sessions;

  public VerifySoftwareToken(
      SoftwareTokenCaller callers, SoftwareTokens softwareTokens, ChallengeSessions sessions) {
    this.callers = callers;
    this.softwareTokens = softwareTokens;
    this.sessions = sessions;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SoftwareTokenCaller.Caller caller = callers.require(in, MfaStage.MFA_SETUP);
    try {
      SoftwareTokens.requireEnabledByPool(caller.pool());
      softwareTokens.verifyAssociation(
          caller.pool(),
          caller.user(),
          in.string("UserCode"),
          in.optString("FriendlyDeviceName").orElse(null),
          ctx.now());
    } catch (CognitoException e) {
      if (caller.session() != null) {
        sessions.allowRetry(caller.session(), MfaStage.MAX_CODE_ATTEMPTS);
      }
      throw e;
    }
    ObjectNode out = Json.object();
    out.put("Status", "SUCCESS");
    if (caller.session() != null) {
      out.put(
          "Session",
          sessions.reissuePortable(caller.session(), MfaStage.MFA_SETUP_VERIFIED, ctx.now()));
    }
    return out;
  }
}
