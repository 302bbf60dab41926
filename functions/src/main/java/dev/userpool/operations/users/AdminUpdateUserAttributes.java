package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;

/**
 * Cognito AdminUpdateUserAttributes: writes standard, custom and developer-only attributes and the verified flags.
 * {@code sub} and Mutable=false attributes cannot change; unknown names are rejected (see {@link AttributeRules});
 * verified flags and aliases as {@link AttributeChanges} describes. No code is sent, so the (empty) response claims
 * nothing.
 */
public final class AdminUpdateUserAttributes implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;

  public AdminUpdateUserAttributes(Lookups lookups, UserDirectory directory) {
    this.lookups = lookups;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    var changes = in.attributes("UserAttributes");
    new AttributeChanges(directory).update(pool, directory.require(pool, in.string("Username")), changes, ctx.now());
    return Json.object();
  }
}
