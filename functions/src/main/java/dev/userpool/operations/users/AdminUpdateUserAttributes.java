package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AdminUpdateUserAttributes: writes standard, custom and developer-only attributes and the
 * verified flags. {@code sub} and Mutable=false attributes cannot change; unknown names are
 * rejected (see {@link AttributeRules}); verified flags, codes for changed auto-verified
 * email/phone values (CustomMessage_UpdateUserAttribute with the ClientMetadata; none when the call
 * also sets {@code *_verified=true}), pending values and aliases as {@link AttributeChanges}
 * describes. The response is empty: Cognito's has no member that reports a delivery.
 */
public final class AdminUpdateUserAttributes implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;
  private final AttributeChanges changes;

  public AdminUpdateUserAttributes(
      Lookups lookups, UserDirectory directory, AttributeChanges changes) {
    this.lookups = lookups;
    this.directory = directory;
    this.changes = changes;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    var attributes = in.attributes("UserAttributes");
    changes.update(
        pool,
        directory.require(pool, in.string("Username")),
        attributes,
        new AttributeChanges.Caller(null, in.stringMap("ClientMetadata")),
        ctx.now());
    return Json.object();
  }
}
