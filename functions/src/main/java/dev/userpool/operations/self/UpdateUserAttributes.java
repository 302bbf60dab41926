package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.AttributeChanges;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.util.Map;

/**
 * Cognito UpdateUserAttributes without verification codes: the signed-in user writes the attributes its app client
 * may write; the rules, verified flags and aliases are the admin operation's ({@link AttributeChanges}). A changed
 * email or phone_number becomes unverified, and since no code is sent (codes come with their own feature)
 * CodeDeliveryDetailsList is empty rather than claiming a delivery.
 */
public final class UpdateUserAttributes implements Operation {
  private final AccessTokens tokens;
  private final Lookups lookups;
  private final AttributeChanges changes;

  public UpdateUserAttributes(AccessTokens tokens, Lookups lookups, AttributeChanges changes) {
    this.tokens = tokens;
    this.lookups = lookups;
    this.changes = changes;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser who = tokens.requireValid(in.string("AccessToken"));
    Map<String, String> attributes = in.attributes("UserAttributes");
    WritableAttributes.require(lookups, who, attributes.keySet());
    changes.update(who.pool(), who.user(), attributes, ctx.now());
    ObjectNode out = Json.object();
    out.putArray("CodeDeliveryDetailsList");
    return out;
  }
}
