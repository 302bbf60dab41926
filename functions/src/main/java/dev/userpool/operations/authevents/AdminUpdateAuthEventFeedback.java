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
 * Cognito AdminUpdateAuthEventFeedback: an administrator marks one of the user's events Valid or
 * Invalid (no feedback token); the event's Provider becomes {@code Admin} (guessed, see
 * docs/fidelity.md).
 */
public final class AdminUpdateAuthEventFeedback implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final AuthEventLog log;

  public AdminUpdateAuthEventFeedback(Lookups lookups, UserDirectory directory, AuthEventLog log) {
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
        null,
        in.string("FeedbackValue"),
        "Admin",
        ctx.now());
    return Json.object();
  }
}
