package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.AttributeChanges;
import dev.userpool.operations.users.AttributeRules;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.util.List;

/**
 * Cognito DeleteUserAttributes: the signed-in user removes attributes its app client may write;
 * sub, immutable and required attributes cannot be deleted (as AdminDeleteUserAttributes).
 */
public final class DeleteUserAttributes implements Operation {
  private final AccessTokens tokens;
  private final Lookups lookups;
  private final AttributeChanges changes;

  public DeleteUserAttributes(AccessTokens tokens, Lookups lookups, AttributeChanges changes) {
    this.tokens = tokens;
    this.lookups = lookups;
    this.changes = changes;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    List<String> names = in.strings("UserAttributeNames");
    AttributeRules.of(who.pool()).checkDelete(names);
    WritableAttributes.require(lookups, who, names);
    changes.delete(who.pool(), who.user(), names, ctx.now());
    return Json.object();
  }
}
