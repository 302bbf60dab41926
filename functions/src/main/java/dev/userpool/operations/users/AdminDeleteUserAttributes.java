package dev.userpool.operations.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.util.List;

/**
 * Cognito AdminDeleteUserAttributes: removes attribute values. {@code sub}, immutable and required
 * attributes cannot be deleted; a deleted email or phone_number takes its verified flag along (see
 * {@link AttributeChanges}).
 */
public final class AdminDeleteUserAttributes implements Operation {
  private final Lookups lookups;
  private final UserDirectory directory;

  public AdminDeleteUserAttributes(Lookups lookups, UserDirectory directory) {
    this.lookups = lookups;
    this.directory = directory;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    List<String> names = in.strings("UserAttributeNames");
    AttributeRules.of(pool).checkDelete(names);
    new AttributeChanges(directory)
        .delete(pool, directory.require(pool, in.string("Username")), names, ctx.now());
    return Json.object();
  }
}
