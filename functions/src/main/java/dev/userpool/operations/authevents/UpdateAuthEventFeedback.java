package dev.userpool.operations.authevents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authevents.AuthEventLog;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito UpdateAuthEventFeedback: the user marks one of their events Valid or Invalid with the
 * event's FeedbackToken (no credentials; the token is the proof). A token that is not the event's
 * is NotAuthorizedException; the event's Provider becomes {@code User} (guessed, see
 * docs/fidelity.md).
 */
public final class UpdateAuthEventFeedback implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final AuthEventLog log;

  public UpdateAuthEventFeedback(Lookups lookups, UserDirectory directory, AuthEventLog log) {
    this.lookups = lookups;
    this.directory = directory;
    this.log = log;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    ThreatProtectionRequired.check(pool);
    User user = directory.require(pool, in.string("Username"));
    log.giveFeedback(
        pool,
        user.sub(),
        in.string("EventId"),
        in.string("FeedbackToken"),
        in.string("FeedbackValue"),
        "User",
        ctx.now());
    return Json.object();
  }
}
