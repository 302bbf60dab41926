package dev.userpool.operations.self;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.codes.CodeDelivery;
import dev.userpool.operations.users.AttributeChanges;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import java.util.Map;

/**
 * Cognito UpdateUserAttributes: the signed-in user writes the attributes its app client may write;
 * the rules, verified flags, pending values and aliases are the admin operation's ({@link
 * AttributeChanges}). A changed email or phone_number the pool auto-verifies gets a code
 * (CustomMessage_UpdateUserAttribute, with the ClientMetadata), reported in
 * CodeDeliveryDetailsList; VerifyUserAttribute completes it.
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
    AttributeChanges.Outcome outcome =
        changes.update(
            who.pool(),
            who.user(),
            attributes,
            new AttributeChanges.Caller(who.token().clientId(), in.stringMap("ClientMetadata")),
            ctx.now());
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("CodeDeliveryDetailsList");
    for (CodeDelivery delivery : outcome.deliveries()) {
      list.add(delivery.toJson());
    }
    return out;
  }
}
